# 审核规则中文句式（DSL）。*.dslr 规则文件中 when 与 then 之间、then 与 end 之间的每一行写一个句子。
# 注意：本文件等号右边不能出现中文标点（，。“”（）等），Drools 的句式解析器不接受；带标点的消息拼接写在 dsl-functions.drl 的函数里。
# 格式：[when]条件句=展开后的 DRL    [then]动作句=展开后的 DRL。{名称} 是写规则时填写的部分。
# 一条规则的多个条件句逐行书写，表示“且”。句子必须与下面的写法一字不差（空格也算）。
#
# —— 报告整体 ——
[when]报告格式为 {format}=Report( formatDetected == Format.{format} )
[when]报告为60号或30号格式=Report( isGb() )
[when]报告机关为人民政府=Report( agencyLevel == AgencyLevel.GOVERNMENT )
[when]报告机关为政府部门=Report( agencyLevel == AgencyLevel.DEPARTMENT )
[when]报告机关为乡镇街道=Report( agencyLevel == AgencyLevel.TOWNSHIP )
[when]本文件是年度报告=not NotAnnualReport()
[when]全文没有提到 "{words}"=$r : Report( !mentions(text, "{words}") )
# —— 章节 ——（章节代号 S1..S6 为60号、30号格式，L1..L6 为旧格式；"{words}" 中用 | 分隔多个词，出现其一即可）
[when]缺少章节 {id}=not Section( id == "{id}" )
[when]章节 {id} 中没有提到 "{words}"=$s : Section( id == "{id}", !mentions(text, "{words}") )
[when]章节 {id} 的正文少于 {n} 个字=$s : Section( id == "{id}", bodyLength < {n} )
# —— 发布时限 ——
[when]发布日期晚于发布时限表中的时限=$r : Report( publishedOn != null, reportYear != null, $family : sectionFamily(), $level : agencyLevel ) and $d : Deadline( family == $family, level == "ALL" || level == $level.name() ) and eval( lateDays($r, $d) > 0 )
[when]发布日期晚于次年 {month} 月 {day} 日=$r : Report( publishedOn != null, reportYear != null, daysAfter({month}, {day}) > 0 )
# —— 统计表单元格 ——（表 T2/T3/T4，行、列代号见 README.md；空白和无法识别的单元格不参与比较）
[when]表 {table} 行 {row} 列 {col} 的数值大于 {limit}=$c : Cell( table == "{table}", row == "{row}", col == "{col}", value != null, value > {limit} )
[when]表 {table} 行 {row} 列 {col} 的数值小于 {limit}=$c : Cell( table == "{table}", row == "{row}", col == "{col}", value != null, value < {limit} )
[when]表 {table} 中有数值小于 {limit} 的单元格=$c : Cell( table == "{table}", value != null, value < {limit} )
# —— 记录问题 ——（问题代码、严重程度、扣分取自规则的 @code 等元数据和 weights.drl.xlsx）
[then]在该章节记录问题 "{message}"=findings.add(drools.getRule(), atSection("{message}", $s), Location.section($s.id(), $s.line()), $s.heading());
[then]在发布日期处记录问题 "{message}"=findings.add(drools.getRule(), atPublished("{message}", $r), Location.line($r.publishedLine()), $r.publishedEvidence());
[then]记录逾期问题=findings.add(drools.getRule(), lateMessage($r, $d), Location.line($r.publishedLine()), $r.publishedEvidence());
[then]在该单元格记录问题 "{message}"=findings.add(drools.getRule(), atCell("{message}", $c), Location.cell($c.table(), $c.row(), $c.col(), $c.line()), $c.raw());
# 不指明位置的“记录问题”必须写在最后：句式按文件顺序展开，否则它会先匹配上面几句中的“记录问题”。
[then]记录问题 "{message}"=findings.add(drools.getRule(), "{message}", Location.none(), "");
