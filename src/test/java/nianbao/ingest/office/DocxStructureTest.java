package nianbao.ingest.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import nianbao.ingest.Document;
import nianbao.ingest.Ingestor;
import nianbao.ingest.TextBlock;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** DOCX written with POI and read back: automatic "一、" numbering (direct or from a heading style) kept, header and text box kept out of the body. */
class DocxStructureTest {

    @ParameterizedTest
    @ValueSource(strings = {"numbered.docx", "numbered.doc"})
    void listNumbersOfBothLevelsAreCountedAsWordShowsThem(String name) throws Exception {
        Document d = new Ingestor().read(OfficeFormsTest.DIR.resolve(name));
        List<String> texts = d.blocks().stream().map(b -> ((TextBlock) b).text()).toList();
        assertThat(texts).containsSubsequence("一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况");
        assertThat(texts).contains("全年主动公开信息100条。");
    }

    @Test
    void automaticChineseNumberingIsKeptAndFurnitureIsLeftOut() throws Exception {
        byte[] bytes;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("页眉：某县人民政府");
            doc.createParagraph().createRun().setText("某县人民政府2022年政府信息公开工作年度报告");
            XWPFNumbering numbering = doc.createNumbering();
            CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
            abs.setAbstractNumId(BigInteger.ONE);
            CTLvl lvl = abs.addNewLvl();
            lvl.setIlvl(BigInteger.ZERO);
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(STNumberFormat.CHINESE_COUNTING);
            lvl.addNewLvlText().setVal("%1、");
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering)));
            for (String h : List.of("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况")) {
                XWPFParagraph p = doc.createParagraph();
                p.setNumID(numId);
                p.setNumILvl(BigInteger.ZERO);
                p.createRun().setText(h);
                doc.createParagraph().createRun().setText("正文。");
            }
            // a heading style that carries the same numbering continues it: 四、
            CTStyle heading = CTStyle.Factory.newInstance();
            heading.setStyleId("Heading1");
            heading.setType(STStyleType.PARAGRAPH);
            heading.addNewName().setVal("heading 1");
            heading.addNewPPr().addNewNumPr().addNewNumId().setVal(numId);
            doc.createStyles().addStyle(new XWPFStyle(heading));
            XWPFParagraph styled = doc.createParagraph();
            styled.setStyle("Heading1");
            styled.createRun().setText("政府信息公开行政复议、行政诉讼情况");
            XWPFParagraph withBox = doc.createParagraph();
            withBox.createRun().setText("正文末段。");
            withBox.createRun().getCTR().set(CTR.Factory.parse(
                    "<xml-fragment xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' xmlns:v='urn:schemas-microsoft-com:vml'>"
                    + "<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框批注</w:t></w:r></w:p>"
                    + "</w:txbxContent></v:textbox></v:shape></w:pict></xml-fragment>"));
            doc.write(out);
            bytes = out.toByteArray();
        }
        Document d = new Ingestor().read("numbered.docx", bytes);
        List<String> texts = d.blocks().stream().map(b -> ((TextBlock) b).text()).toList();
        assertThat(texts).contains("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "正文末段。");
        assertThat(texts).noneMatch(t -> t.contains("页眉")).noneMatch(t -> t.contains("文本框批注"));
        assertThat(d.places().get(2)).isEqualTo("第2段");
    }
}
