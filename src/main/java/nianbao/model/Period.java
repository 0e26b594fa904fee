package nianbao.model;

import java.time.LocalDate;

/** The statistics period stated in the report, with the line it was found on. */
public record Period(LocalDate from, LocalDate to, int line, String evidence) {

    public boolean coversCalendarYear(int year) {
        return from.equals(LocalDate.of(year, 1, 1)) && to.equals(LocalDate.of(year, 12, 31));
    }

    public int getFromYear() { return from.getYear(); }

    public int getToYear() { return to.getYear(); }
}
