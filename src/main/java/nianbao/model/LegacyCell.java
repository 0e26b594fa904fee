package nianbao.model;

import java.math.BigDecimal;

/**
 * One value of a row of a legacy statistics table (统计表 of the 2008-regulation reports).
 *
 * @param column the column's heading as printed ("2013年度", "历年累计", "本年度")
 * @param value  the number, or null when blank or unreadable
 * @param status NUMBER, BLANK or UNREADABLE
 * @param read   DIRECT as printed, INFERRED from a run of digits that only one split explains, UNREADABLE otherwise
 * @param note   why the value was inferred or left unread (Chinese, for the reviewer); null for direct values
 */
public record LegacyCell(String column, BigDecimal value, CellStatus status, Reading read, String note) {

    public boolean isConfident() { return status != CellStatus.UNREADABLE && read != Reading.UNREADABLE; }
}
