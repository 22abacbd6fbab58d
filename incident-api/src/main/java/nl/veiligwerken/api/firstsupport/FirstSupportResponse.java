package nl.veiligwerken.api.firstsupport;

/** What the colleague said when first support was offered: support is offered by default, they may decline. */
public enum FirstSupportResponse {
    ACCEPTED,
    DECLINED
}
