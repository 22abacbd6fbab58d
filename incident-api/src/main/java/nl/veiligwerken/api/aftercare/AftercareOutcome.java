package nl.veiligwerken.api.aftercare;

/** Whether the aftercare talk took place or the colleague declined it (it is then offered again later). */
public enum AftercareOutcome {
    HELD,
    DECLINED
}
