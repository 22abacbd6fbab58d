package nl.veiligwerken.api.protocol;

/** "Within 24 hours", "within 7 working days": how long after its starting moment a step is due. */
public record DueTime(int amount, DueUnit unit) {

    public static DueTime hours(int amount) {
        return new DueTime(amount, DueUnit.HOURS);
    }

    public static DueTime days(int amount) {
        return new DueTime(amount, DueUnit.DAYS);
    }

    public static DueTime workingDays(int amount) {
        return new DueTime(amount, DueUnit.WORKING_DAYS);
    }
}
