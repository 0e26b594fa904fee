package nianbao.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the first version of {@code rules/integrity-lexicon.drl.xlsx}, the INT-SPAM word list as
 * a Drools decision table. Policy staff then edit the workbook in Excel (add a row per term); run
 * this again only to start over: {@code java ... nianbao.hostile.IntegrityLexiconGenerator rules}.
 *
 * <p>Each data row becomes a rule that inserts a {@code SpamTerm}; {@code rules/integrity.drl}
 * decides what a hit means. Terms are specific to gambling and download spam: words that a
 * government report has no reason to print (no "下载" or "彩票" alone).
 */
public final class IntegrityLexiconGenerator {
    public static final String FILE = "integrity-lexicon.drl.xlsx";

    /** {term, note}. */
    static final List<String[]> TERMS = List.of(
            new String[] {"bat365", "博彩网站名"}, new String[] {"bet365", "博彩网站名"}, new String[] {"365bet", "博彩网站名"},
            new String[] {"英国365", "博彩网站名"}, new String[] {"365体育", "博彩网站名"}, new String[] {"365下载", "博彩应用下载"},
            new String[] {"应用商店能下载", "下载诱导"}, new String[] {"威廉希尔", "博彩网站名"}, new String[] {"立博体育", "博彩网站名"},
            new String[] {"澳门新葡京", "赌场名"}, new String[] {"新葡京娱乐", "赌场名"}, new String[] {"葡京娱乐场", "赌场名"},
            new String[] {"威尼斯人娱乐", "赌场名"}, new String[] {"金沙娱乐", "赌场名"}, new String[] {"永利娱乐", "赌场名"},
            new String[] {"银河娱乐城", "赌场名"}, new String[] {"娱乐城", "线上赌场"}, new String[] {"网上赌场", "线上赌场"},
            new String[] {"在线赌场", "线上赌场"}, new String[] {"线上赌场", "线上赌场"}, new String[] {"百家乐", "赌博游戏"},
            new String[] {"真人娱乐", "线上赌场"}, new String[] {"真人视讯", "线上赌场"}, new String[] {"电子游艺", "线上赌场"},
            new String[] {"开户送", "赌场推广"}, new String[] {"彩金", "赌场推广"}, new String[] {"体育投注", "博彩"},
            new String[] {"足球投注", "博彩"}, new String[] {"亚博体育", "博彩网站名"}, new String[] {"开云体育", "博彩网站名"},
            new String[] {"半岛体育", "博彩网站名"}, new String[] {"必威体育", "博彩网站名"}, new String[] {"bwin", "博彩网站名"},
            new String[] {"casino", "赌场（英文）"}, new String[] {"betting", "投注（英文）"});

    private IntegrityLexiconGenerator() {}

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "rules").resolve(FILE));
    }

    public static void write(Path target) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("博彩垃圾词表");
            int r = 0;
            row(s, r++, "RuleSet", "nianbao.audit");
            row(s, r++, "Import", "nianbao.model.*");
            // Reference data: in place before any judging rule fires, like the DRL reference rules.
            Row priority = s.createRow(r++);
            priority.createCell(0).setCellValue("PRIORITY");
            priority.createCell(1).setCellValue(1000);
            row(s, r++, "Notes", "INT-SPAM 词表：报告中出现下列任一词语（不分大小写、全半角），即判定为被植入的博彩或垃圾信息。"
                    + "增加词语：在表格末尾复制一行，改第一列的名称（不能重复）和第二列的词语。判断方法见 integrity.drl。");
            r++;
            row(s, r++, "RuleTable 博彩垃圾词表");
            row(s, r++, "NAME", "ACTION", "DESCRIPTION");
            row(s, r++, "", "", "");
            row(s, r++, "", "insert(new SpamTerm(\"$param\"));", "");
            row(s, r++, "规则名称（不能重复）", "词语", "说明");
            for (String[] t : TERMS) row(s, r++, "词表：" + t[0], t[0], t[1]);
            s.setColumnWidth(0, 30 * 256);
            s.setColumnWidth(1, 40 * 256);
            s.setColumnWidth(2, 20 * 256);
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
    }

    private static void row(Sheet s, int r, String... values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) row.createCell(i).setCellValue(values[i]);
    }
}
