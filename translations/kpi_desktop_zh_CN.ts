<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong. Your saved work is safe in the database.</source>
        <translation>程序出错了。已保存的内容都安全地存在数据库中。</translation>
    </message>
    <message>
        <source>The details were written to the log file %1.</source>
        <translation>详细信息已写入日志文件 %1。</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Assessment of lead units</source>
        <translation>牵头单位考核</translation>
    </message>
    <message>
        <source>Returns due on</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <source>Counted to</source>
        <translation>统计至</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation>导出到 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Assessment written to {path}</source>
        <translation>考核表已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Plan years</source>
        <translation>计划年度</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标数</translation>
    </message>
    <message>
        <source>Last edit in it</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>first opening of the day</source>
        <translation>当天首次打开</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before a program update</source>
        <translation>程序升级前</translation>
    </message>
    <message>
        <source>This backup cannot be restored: %1</source>
        <translation>此备份无法恢复：%1</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>before a new year&apos;s plan</source>
        <translation>新建年度计划前</translation>
    </message>
</context>
<context>
    <name>BulletinDialog</name>
    <message>
        <source>Bulletin draft</source>
        <translation>通报草稿</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>&amp;Word file</source>
        <translation>Word 文件(&amp;W)</translation>
    </message>
    <message>
        <source>the built-in wording</source>
        <translation>内置措辞</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>Save the built-in template as…</source>
        <translation>另存内置模板…</translation>
    </message>
    <message>
        <source>Returns were due on</source>
        <translation>报送截止日期</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
</context>
<context>
    <name>ChartsDock</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>图表另存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>图表另存为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>ChaseDialog</name>
    <message>
        <source>Chase list</source>
        <translation>催报名单</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>复制到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>另存为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the notice as &amp;PDF…</source>
        <translation>催报单另存为 &amp;PDF…</translation>
    </message>
    <message>
        <source>Rounds of chasing</source>
        <translation>催报轮次</translation>
    </message>
    <message>
        <source>whom: the units&apos; contacts, a name…</source>
        <translation>催报对象：各单位联络员、姓名…</translation>
    </message>
    <message>
        <source>&amp;Record this round</source>
        <translation>记录本轮催报(&amp;R)</translation>
    </message>
    <message>
        <source>Shown:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Chased on:</source>
        <translation>催报日期：</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>催报方式：</translation>
    </message>
    <message>
        <source>Whom:</source>
        <translation>催报对象：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>The chase list now</source>
        <translation>当前催报名单</translation>
    </message>
    <message>
        <source>Round %1, %2, %3</source>
        <translation>第%1轮，%2，%3</translation>
    </message>
    <message>
        <source>Round %1 recorded: %2 units chased.</source>
        <translation>已记录第%1轮催报：共催报 %2 个单位。</translation>
    </message>
    <message>
        <source>Copied. Paste it into a message or a notice.</source>
        <translation>已复制，可粘贴到消息或通知中。</translation>
    </message>
    <message>
        <source>Save chase list</source>
        <translation>保存催报名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存催报单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ChecksDialog</name>
    <message>
        <source>Data checks</source>
        <translation>数据检查</translation>
    </message>
    <message>
        <source>&amp;Go to indicator</source>
        <translation>转到该指标(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>忽略(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss a finding</source>
        <translation>忽略检查发现</translation>
    </message>
    <message>
        <source>Why is this finding all right? (kept in the indicator&apos;s history)</source>
        <translation>为什么这条可以忽略？（理由记入该指标的修改记录）</translation>
    </message>
</context>
<context>
    <name>ColumnDialog</name>
    <message>
        <source>Which column is which?</source>
        <translation>指定各列内容</translation>
    </message>
    <message>
        <source>The program is not sure which column of “%1” holds what. Check the first rows below and choose, above each column, what it holds; leave a column at “not read” to skip it. The choice is remembered for tables laid out the same way.</source>
        <translation>程序无法确定“%1”中各列分别是什么内容。请对照下面的前几行，在每一列上方选择该列的内容；不需要的列选“不读取”。所作选择会记住，以后遇到同样格式的表格将自动采用。</translation>
    </message>
    <message>
        <source>Header row (as Excel numbers it):</source>
        <translation>表头所在行（Excel 行号）：</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>不读取</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>Choose the column that holds the work items (重点工作) at least.</source>
        <translation>请至少指定写有重点工作（事项内容）的一列。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Automatic (from the figures)</source>
        <translation>自动（按完成数判断）</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>End of month %1</source>
        <translation>%1月底</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Indicator %1, %2: the %3 was saved by someone else (%4) while you were changing it. Yours is not saved yet, so that neither overwrites the other. Keep yours, keep theirs, or merge the two and save.</source>
        <translation>序号 %1（%2）的%3在您修改期间已被他人保存（%4）。为免互相覆盖，您的修改尚未保存。请选择保留您的、保留对方的，或把两者合并后保存。</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>您的（尚未保存）</translation>
    </message>
    <message>
        <source>Saved by the other side</source>
        <translation>对方已保存的</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>保留对方的(&amp;T)</translation>
    </message>
    <message>
        <source>M&amp;erged text (edit it, then save it)</source>
        <translation>合并后的文字（可修改，然后保存）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save the merged text</source>
        <translation>保存合并后的文字(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ExportTemplatesDialog</name>
    <message>
        <source>Export templates</source>
        <translation>导出报送模板</translation>
    </message>
    <message>
        <source>Every lead unit, one file each</source>
        <translation>每个牵头单位各一个文件</translation>
    </message>
    <message>
        <source>All rows in one file</source>
        <translation>全部指标合为一个文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>报送期：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Each unit gets its own rows, including those it leads together with others. Send the files out; import what comes back with File → Import returns.</source>
        <translation>每个单位的模板只含本单位牵头的指标（含与其他单位共同牵头的指标）。模板发出后，收回的表格用“文件 → 导入报送表”导入。</translation>
    </message>
    <message>
        <source>templates</source>
        <translation>报送模板</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation>保存到文件夹：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>导出报送模板</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>No lead unit has rows in this plan: nothing written.</source>
        <translation>本年度计划中没有牵头单位的指标，未生成文件。</translation>
    </message>
    <message>
        <source>%1 files written into %2.</source>
        <translation>已生成 %1 个文件，保存在 %2。</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>未导出任何文件：%1</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>What was found, and what to do</source>
        <translation>发现的问题及处理办法</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Dismissed: {reason}</source>
        <translation>已忽略：{reason}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of indicator %1</source>
        <translation>指标 %1 的修改记录</translation>
    </message>
    <message>
        <source>Every earlier value is kept. Select a row and restore the earlier or the new value.</source>
        <translation>每一次修改前的内容都有保留。选中一行，可以恢复修改前或修改后的内容。</translation>
    </message>
    <message>
        <source>Restore the &amp;earlier value</source>
        <translation>恢复修改前内容(&amp;E)</translation>
    </message>
    <message>
        <source>Restore the &amp;new value</source>
        <translation>恢复修改后内容(&amp;N)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Earlier value</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Instruction recorded</source>
        <translation>记录领导批示</translation>
    </message>
    <message>
        <source>Instruction removed</source>
        <translation>删除领导批示</translation>
    </message>
    <message>
        <source>Finding dismissed: {check}</source>
        <translation>忽略检查发现：{check}</translation>
    </message>
    <message>
        <source>Finding reopened: {check}</source>
        <translation>恢复检查发现：{check}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import returns</source>
        <translation>导入报送表</translation>
    </message>
    <message>
        <source>Period of the returns:</source>
        <translation>报送期：</translation>
    </message>
    <message>
        <source>as each file says</source>
        <translation>按各文件所填</translation>
    </message>
    <message>
        <source>Templates sent by this program carry their period. For a file of a unit&apos;s own that names no period, choose it here.</source>
        <translation>本程序导出的模板自带报送期。单位自制的表格如未写明报送期，请在此选择。</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import selected</source>
        <translation>导入所选(&amp;I)</translation>
    </message>
    <message>
        <source>Files and rows</source>
        <translation>文件和行</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>现有内容</translation>
    </message>
    <message>
        <source>In the returned file</source>
        <translation>报送表中的内容</translation>
    </message>
    <message>
        <source>Assign the columns…</source>
        <translation>指定各列…</translation>
    </message>
    <message>
        <source>An import is not undone with Ctrl+Z. The values it replaces stay in each indicator&apos;s History, and a backup copy of the database is made just before it (File → Restore from backup).</source>
        <translation>导入不能用 Ctrl+Z 撤销。被替换的内容保留在各指标的“修改记录”中，导入前还会自动备份数据库（可用“文件 → 从备份恢复”找回）。</translation>
    </message>
    <message>
        <source>Reading %1 files…</source>
        <translation>正在读取 %1 个文件…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading file %1 of %2: %3</source>
        <translation>正在读取第 %1 个文件（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>The files could not be read: %1</source>
        <translation>无法读取这些文件：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 files, %2 refused as a whole. %3 of %4 rows checked for import.</source>
        <translation>共 %1 个文件，其中 %2 个整体拒收。已勾选 %3 / %4 行待导入。</translation>
    </message>
    <message>
        <source>The database is open read-only: nothing can be imported.</source>
        <translation>数据库以只读方式打开，不能导入。</translation>
    </message>
    <message>
        <source>Importing %1 rows…</source>
        <translation>正在导入 %1 行…</translation>
    </message>
    <message>
        <source>Imported from %1 files: %2 rows changed stored values, %3 rows were recorded as received without a change.</source>
        <translation>已从 %1 个文件导入：%2 行更新了内容，%3 行内容无变化、仅登记为已报送。</translation>
    </message>
    <message>
        <source>An import is not undone with Ctrl+Z. The values it replaced stay in each indicator&apos;s History.</source>
        <translation>导入不能用 Ctrl+Z 撤销。被替换的内容保留在各指标的“修改记录”中。</translation>
    </message>
    <message>
        <source>The state before the import is saved in this backup (File → Restore from backup): %1</source>
        <translation>导入前的数据已备份（可用“文件 → 从备份恢复”找回）：%1</translation>
    </message>
    <message>
        <source>No text changed, so no backup was needed.</source>
        <translation>没有内容被修改，因此无需备份。</translation>
    </message>
    <message>
        <source>The database is on a server: its backups are made there.</source>
        <translation>数据库在服务器上，由服务器负责备份。</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>File / No.</source>
        <translation>文件 / 序号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报送期</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有改动</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>same file again</source>
        <translation>重复的文件</translation>
    </message>
    <message>
        <source>earlier period</source>
        <translation>以往期间</translation>
    </message>
    <message>
        <source>partly refused</source>
        <translation>部分拒收</translation>
    </message>
    <message>
        <source>differs from a file</source>
        <translation>与另一文件不一致</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>可导入</translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>无可导入内容</translation>
    </message>
    <message>
        <source>(named in each row)</source>
        <translation>（按各行所填）</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>共 %1 行</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source> — every text is the same as the previous period&apos;s</source>
        <translation> —— 全部内容与上期相同</translation>
    </message>
    <message>
        <source>Sheet “%1”, row %2</source>
        <translation>工作表“%1”第 %2 行</translation>
    </message>
    <message>
        <source>(the whole indicator)</source>
        <translation>（整项指标）</translation>
    </message>
    <message>
        <source>File “%1” row %2 gives another text for this indicator and unit; only one of the two can be imported: tick the one to keep. Its text: %3</source>
        <translation>文件“%1”第 %2 行对同一指标、同一单位给出了不同的文字，两者只能导入其一：请勾选要保留的一行。该行文字：%3</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>Indicator %1</source>
        <translation>指标 %1</translation>
    </message>
    <message>
        <source>Several units are separated by spaces</source>
        <translation>多个单位之间用空格分隔</translation>
    </message>
    <message>
        <source>&amp;Key work</source>
        <translation>重点工作(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Lead units</source>
        <translation>牵头单位(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Add target</source>
        <translation>添加目标(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move target</source>
        <translation>删除目标(&amp;M)</translation>
    </message>
    <message>
        <source>Edit indicator %1</source>
        <translation>修改指标 %1</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>&amp;Edit indicator…</source>
        <translation>修改指标(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>修改记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Targets in this period</source>
        <translation>本期各项目标</translation>
    </message>
    <message>
        <source>Choose an indicator in the tree on the left.</source>
        <translation>请在左侧列表中选择一项指标。</translation>
    </message>
    <message>
        <source>Lead units: %1</source>
        <translation>牵头单位：%1</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Key work</source>
        <translation>重点工作</translation>
    </message>
    <message>
        <source>indicators: %1</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <source>, behind: %1</source>
        <translation>，%1 项滞后</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <source>Correct an instruction on indicator %1</source>
        <translation>修改第 %1 项的领导批示</translation>
    </message>
    <message>
        <source>Record an instruction on indicator %1</source>
        <translation>记录第 %1 项的领导批示</translation>
    </message>
    <message>
        <source>e.g. 王区长</source>
        <translation>如：王区长</translation>
    </message>
    <message>
        <source>&amp;Given by</source>
        <translation>批示领导(&amp;G)</translation>
    </message>
    <message>
        <source>2024-05-10, 2024/5/10 or 2024年5月10日</source>
        <translation>可写作 2024-05-10、2024/5/10 或 2024年5月10日</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>批示日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Instruction</source>
        <translation>批示内容(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation>落实情况(&amp;F)</translation>
    </message>
</context>
<context>
    <name>InstructionsModel</name>
    <message>
        <source>Date</source>
        <translation>批示日期</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>批示领导</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>批示内容</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>落实情况</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <source>on time</source>
        <translation>按时报送</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>迟报 %1 天</translation>
    </message>
    <message>
        <source>due soon, %1 days left</source>
        <translation>临期，还剩 %1 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天截止</translation>
    </message>
    <message>
        <source>overdue by %1 days</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>nothing to return</source>
        <translation>无需报送</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>未设截止日期</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kpi-desktop</source>
        <translation>重点工作量化指标跟踪（kpi-desktop）</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>this user may only read</source>
        <translation>该用户只有查看权限</translation>
    </message>
    <message>
        <source>■ closed</source>
        <translation>■ 已定稿</translation>
    </message>
    <message>
        <source>Imported at %1: %2 rows changed, %3 recorded as received</source>
        <translation>%1 已导入：%2 行更新了内容，%3 行登记为已报送</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Find an indicator&lt;/b&gt;: type its number, a word of its text or a unit&apos;s name in the filter box (Ctrl+F), then press Enter.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Enter progress&lt;/b&gt;: choose the period in the toolbar, select the indicator, and type in the Progress box on the right. Everything is saved at once; Ctrl+Z undoes, Ctrl+Y redoes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Figures&lt;/b&gt;: type the achieved value of each target in the table of targets; the status mark shows whether it is on schedule (序时进度).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Returns&lt;/b&gt;: drop the spreadsheets the units sent back on this window, or use File → Import returns.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;查找指标&lt;/b&gt;：在筛选框（Ctrl+F）中输入序号、内容中的词或单位名称，然后按回车。&lt;/p&gt;&lt;p&gt;&lt;b&gt;填写进展&lt;/b&gt;：在工具栏选择期间，选中指标，在右侧“进展情况”框中输入。所有内容即时保存；Ctrl+Z 撤销，Ctrl+Y 重做。&lt;/p&gt;&lt;p&gt;&lt;b&gt;完成数&lt;/b&gt;：在目标表中填写各项目标的完成数，状态标记会显示是否达到序时进度。&lt;/p&gt;&lt;p&gt;&lt;b&gt;报送表&lt;/b&gt;：把各单位报回的表格拖到本窗口，或使用“文件 → 导入报送表”。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About kpi-desktop</source>
        <translation>关于 kpi-desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;kpi-desktop %1&lt;/h3&gt;&lt;p&gt;Tracking the quantitative targets of a government work report through the year.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;kpi-desktop %1&lt;/h3&gt;&lt;p&gt;政府工作报告重点工作量化指标全年跟踪。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>All changes saved at %1</source>
        <translation>所有修改已于 %1 保存</translation>
    </message>
</context>
<context>
    <name>NewIndicatorDialog</name>
    <message>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>&amp;No.</source>
        <translation>序号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Key work</source>
        <translation>重点工作(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Lead units</source>
        <translation>牵头单位(&amp;L)</translation>
    </message>
</context>
<context>
    <name>NewPlanFromTable</name>
    <message>
        <source>New plan from a table</source>
        <translation>从表格新建年度计划</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls)</source>
        <translation>电子表格 (*.xlsx *.xls)</translation>
    </message>
    <message>
        <source>The table names no year. Which year is its plan for?</source>
        <translation>表格中没有写明年份。这是哪一年的计划？</translation>
    </message>
    <message>
        <source>%1: %2 indicators.</source>
        <translation>%1：共 %2 项指标。</translation>
    </message>
    <message>
        <source>New lead units: %1</source>
        <translation>新增牵头单位：%1</translation>
    </message>
    <message>
        <source>The table&apos;s numbers do not give each indicator its own; they are numbered 1, 2, 3… in the table&apos;s order.</source>
        <translation>表格的序号不能让每项指标各有一个整数序号（有分项、重复或缺失），已按表格顺序重新编为 1、2、3……</translation>
    </message>
    <message>
        <source>%1 rows were not taken as indicators of their own:</source>
        <translation>有 %1 行未单独作为指标：</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>The state before is saved in %1.</source>
        <translation>新建前的数据已备份到 %1。</translation>
    </message>
</context>
<context>
    <name>NotesBox</name>
    <message>
        <source>Only for you: not printed unless you ask</source>
        <translation>仅供自己参考：打印时默认不印</translation>
    </message>
    <message>
        <source>My &amp;note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>No leadership instruction recorded for this period.</source>
        <translation>本期尚未记录领导批示。</translation>
    </message>
    <message>
        <source>Leadership instructions</source>
        <translation>领导批示</translation>
    </message>
    <message>
        <source>&amp;Record an instruction…</source>
        <translation>记录批示(&amp;R)…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Mark followed &amp;up</source>
        <translation>标记已落实(&amp;U)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Note and leadership instructions · %1</source>
        <translation>备注与领导批示 · %1</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Open &amp;read-only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>Q1 (Jan–Mar)</source>
        <translation>一季度</translation>
    </message>
    <message>
        <source>First half (Jan–Jun)</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Jan–Sep</source>
        <translation>前三季度</translation>
    </message>
    <message>
        <source>Full year</source>
        <translation>全年</translation>
    </message>
</context>
<context>
    <name>PeriodPanel</name>
    <message>
        <source>■ closed (定稿) on %1, read-only</source>
        <translation>■ %1已定稿，只读</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>进展情况(&amp;P)</translation>
    </message>
    <message>
        <source>Automatic (from the figures)</source>
        <translation>自动（按完成数判断）</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>期末</translation>
    </message>
    <message>
        <source>End of month %1</source>
        <translation>%1月底</translation>
    </message>
    <message>
        <source>Figures &amp;as of</source>
        <translation>数据截至(&amp;A)</translation>
    </message>
    <message>
        <source>Pro&amp;blems</source>
        <translation>存在问题(&amp;B)</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps</source>
        <translation>下步打算(&amp;X)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Unit says: %1</source>
        <translation>单位自评：%1</translation>
    </message>
    <message>
        <source>The unit&apos;s own verdict differs from the status the figures give</source>
        <translation>单位自评与按数据测算的状态不一致</translation>
    </message>
    <message>
        <source>The unit&apos;s own verdict in its progress text</source>
        <translation>单位在进展情况中的自评</translation>
    </message>
    <message>
        <source>Nothing filled in yet</source>
        <translation>尚待填报</translation>
    </message>
    <message>
        <source>Nothing filled in yet; earlier texts are in History</source>
        <translation>尚待填报；以前的文字可在“历史”中查看</translation>
    </message>
    <message>
        <source>Imported from %1 (%2) on %3</source>
        <translation>%3 从 %1（%2）导入</translation>
    </message>
    <message>
        <source>From the built-in plan</source>
        <translation>来自内置计划</translation>
    </message>
    <message>
        <source>Typed on %1</source>
        <translation>%1 手工录入</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Remove indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Remove indicator %1 with all its progress? You can undo this with Ctrl+Z.</source>
        <translation>删除指标 %1 及其全部进展情况？可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Renumber indicator</source>
        <translation>调整序号</translation>
    </message>
    <message>
        <source>New number for indicator %1:</source>
        <translation>指标 %1 的新序号：</translation>
    </message>
    <message>
        <source>Mark done (办结销号)</source>
        <translation>办结销号</translation>
    </message>
    <message>
        <source>Indicator %1 is done as of (it leaves later templates and chase lists):</source>
        <translation>序号 %1 的办结日期（此后的报送模板和催报名单不再列入）：</translation>
    </message>
</context>
<context>
    <name>PlanIdentityDialog</name>
    <message>
        <source>New plan from a table</source>
        <translation>从表格新建年度计划</translation>
    </message>
    <message>
        <source>The %1 plan: check the region and the title, as the table gives them.</source>
        <translation>%1 年计划：请核对表格给出的地区和标题。</translation>
    </message>
    <message>
        <source>The %1 plan: the table&apos;s title names no region. Type it (e.g. 苍南县), or leave it empty.</source>
        <translation>%1 年计划：表格标题没有写明地区。请填写（如 苍南县），也可以留空。</translation>
    </message>
    <message>
        <source>e.g. 苍南县</source>
        <translation>如 苍南县</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>Print the summary table</source>
        <translation>打印汇总表</translation>
    </message>
    <message>
        <source>All lead units</source>
        <translation>全部牵头单位</translation>
    </message>
    <message>
        <source>&amp;Rows</source>
        <translation>范围(&amp;R)</translation>
    </message>
    <message>
        <source>Problems and next steps columns</source>
        <translation>“存在问题”和“下步打算”两列</translation>
    </message>
    <message>
        <source>A status column</source>
        <translation>“进度状态”一列</translation>
    </message>
    <message>
        <source>A leadership instructions column</source>
        <translation>领导批示列</translation>
    </message>
    <message>
        <source>A column with my own notes</source>
        <translation>备注列（本人备注）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>横向(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Portrait</source>
        <translation>纵向(&amp;P)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>纸张方向</translation>
    </message>
    <message>
        <source>Compact margins (PDF and printer)</source>
        <translation>紧凑页边距（PDF 和打印）</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Table text size</source>
        <translation>表格字号</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>&amp;Restore this backup…</source>
        <translation>恢复此备份(&amp;R)…</translation>
    </message>
    <message>
        <source>A shared database is backed up and restored on its server (pg_dump), not here.</source>
        <translation>共享数据库在其服务器上备份和恢复（pg_dump），不在这里进行。</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>该数据库还没有备份。</translation>
    </message>
    <message>
        <source>Backups are made on the first opening of each day and before every import, program update and restore; the last %1 are kept. Restoring first saves the present state as a backup, so a restore can itself be undone.</source>
        <translation>每天首次打开时，以及每次导入、程序升级和恢复之前都会自动备份；保留最近 %1 份。恢复前会先把当前状态另存为备份，因此恢复本身也可以撤回。</translation>
    </message>
    <message>
        <source>Replace all data with the backup made %1 (%2)?

Everything saved since then will be replaced. The present state is saved as a backup first, so you can go back to it.</source>
        <translation>用 %1 的备份（%2）替换全部数据？

此后保存的内容都将被替换。当前状态会先另存为备份，可以随时恢复回来。</translation>
    </message>
    <message>
        <source>The backup was restored. The state before it is saved in %1.</source>
        <translation>备份已恢复。恢复前的状态已保存在 %1。</translation>
    </message>
</context>
<context>
    <name>ScheduleCharts</name>
    <message>
        <source>Completion</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Behind by unit</source>
        <translation>各单位滞后</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>指标趋势</translation>
    </message>
    <message>
        <source>Loading the charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>&amp;Save the picture…</source>
        <translation>保存图片(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reset the view</source>
        <translation>恢复视图(&amp;R)</translation>
    </message>
    <message>
        <source>Completion of each indicator, {period} (%)</source>
        <translation>{period}各指标完成进度（%）</translation>
    </message>
    <message>
        <source>Schedule {value:.0f}%</source>
        <translation>序时进度 {value:.0f}%</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Targets behind / targets with a figure, by lead unit</source>
        <translation>各牵头单位滞后目标数 / 有数据目标数</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标数</translation>
    </message>
    <message>
        <source>Click a bar under “Completion” to see that indicator through the year</source>
        <translation>点击“完成进度”中的柱形查看该指标的全年趋势</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Completion (%)</source>
        <translation>完成进度（%）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>The window is shown again in the chosen language.</source>
        <translation>窗口将以所选语言重新显示。</translation>
    </message>
    <message>
        <source>Shared &amp;database</source>
        <translation>共享数据库(&amp;D)</translation>
    </message>
    <message>
        <source>The address of the office&apos;s PostgreSQL database, opened the next time the program starts (empty: the file on this computer). Give no password here: the server&apos;s password file (pgpass) or service file keeps it.</source>
        <translation>单位 PostgreSQL 共享数据库的地址，下次启动程序时打开（留空：使用本机上的数据文件）。这里不要填写密码：密码放在服务器的密码文件（pgpass）或服务文件中。</translation>
    </message>
    <message>
        <source>The address holds a password, which the program never stores. Remove it and put it in the server&apos;s password file (pgpass) instead.</source>
        <translation>地址中含有密码，本程序从不保存密码。请删去密码，改为写在服务器的密码文件（pgpass）中。</translation>
    </message>
    <message>
        <source>A shared database&apos;s address begins with postgresql://</source>
        <translation>共享数据库的地址以 postgresql:// 开头。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Ahead of schedule</source>
        <translation>超序时</translation>
    </message>
    <message>
        <source>On schedule</source>
        <translation>序时推进</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
    <message>
        <source>No figure yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Not filled in</source>
        <translation>待填报</translation>
    </message>
</context>
<context>
    <name>SubmissionsDock</name>
    <message>
        <source>Submissions</source>
        <translation>报送情况</translation>
    </message>
</context>
<context>
    <name>SubmissionsModel</name>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Against the due date</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已报 / 应报</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>From files</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <source> (its own date)</source>
        <translation>（单位自定）</translation>
    </message>
    <message>
        <source>no return; texts written</source>
        <translation>未报送，进展已另行填写</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>Leads No. %1</source>
        <translation>牵头序号：%1</translation>
    </message>
    <message>
        <source>Missing No. %1</source>
        <translation>未报序号：%1</translation>
    </message>
</context>
<context>
    <name>SubmissionsView</name>
    <message>
        <source>Submissions</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Set for the &amp;period</source>
        <translation>设为本期截止日期(&amp;P)</translation>
    </message>
    <message>
        <source>Set for the chosen &amp;unit</source>
        <translation>设为所选单位的截止日期(&amp;U)</translation>
    </message>
    <message>
        <source>Clear the unit&apos;s own date</source>
        <translation>取消所选单位的单独日期</translation>
    </message>
    <message>
        <source>&amp;Due date:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Chase list (催报)…</source>
        <translation>催报名单…</translation>
    </message>
    <message>
        <source>&amp;Close the period (定稿)…</source>
        <translation>本期定稿(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>重新打开(&amp;R)…</translation>
    </message>
    <message>
        <source>Period &amp;history…</source>
        <translation>定稿记录(&amp;H)…</translation>
    </message>
    <message>
        <source>%1 %2: %3 of %4 lead units have answered (%5 complete); %6 of %7 rows back.</source>
        <translation>%1年%2：%4 个牵头单位中已有 %3 个报送（%5 个报齐），已收回 %6 / %7 行。</translation>
    </message>
    <message>
        <source>%1 units overdue.</source>
        <translation>%1 个单位逾期。</translation>
    </message>
    <message>
        <source>■ Closed (定稿) on %1 by %2: read-only.</source>
        <translation>■ 本期已于%1由 %2 定稿：只读。</translation>
    </message>
    <message>
        <source>Close the period</source>
        <translation>本期定稿</translation>
    </message>
    <message>
        <source>Close %1 %2 (定稿)? Its progress, statuses and figures can then no longer be changed, by the window, an import or an undo, until it is reopened with a reason.</source>
        <translation>将%1年%2定稿？定稿后，该期的进展、状态和数值不能再通过窗口、导入或撤销修改，除非填写原因后重新打开。</translation>
    </message>
    <message>
        <source>Open findings</source>
        <translation>检查发现未处理</translation>
    </message>
    <message>
        <source>Reopen the period</source>
        <translation>重新打开本期</translation>
    </message>
    <message>
        <source>Why is the period reopened? (kept in the change log)</source>
        <translation>重新打开的原因（记入修改记录）：</translation>
    </message>
    <message>
        <source>This period has never been closed.</source>
        <translation>本期尚未定稿过。</translation>
    </message>
    <message>
        <source>%1  closed by %2</source>
        <translation>%1  由 %2 定稿</translation>
    </message>
    <message>
        <source>%1  reopened by %2: %3</source>
        <translation>%1  由 %2 重新打开，原因：%3</translation>
    </message>
    <message>
        <source>Period history</source>
        <translation>定稿记录</translation>
    </message>
</context>
<context>
    <name>SummaryPrinter</name>
    <message>
        <source>Laying out the summary table…</source>
        <translation>正在排版汇总表…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The summary table could not be printed: {detail}. Check the printer and try again.</source>
        <translation>汇总表未能打印：{detail}。请检查打印机后重试。</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
</context>
<context>
    <name>TargetEditModel</name>
    <message>
        <source>Growth rate</source>
        <translation>增长率</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>总量</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>突破值</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Ceiling</source>
        <translation>控制上限</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>存量水平</translation>
    </message>
    <message>
        <source>Qualitative</source>
        <translation>定性</translation>
    </message>
    <message>
        <source>What is measured</source>
        <translation>考核内容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Start of year</source>
        <translation>年初基数</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已核对</translation>
    </message>
    <message>
        <source>Tick when you have checked this target</source>
        <translation>核对无误后请勾选</translation>
    </message>
    <message>
        <source>For a level: where it stood at the start of the year</source>
        <translation>存量指标年初的数值</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>完成数</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>qualitative</source>
        <translation>定性</translation>
    </message>
    <message>
        <source>%1 (schedule %2)</source>
        <translation>%1（序时 %2）</translation>
    </message>
    <message>
        <source>Read from the progress text: “%1”. Type a value to confirm.</source>
        <translation>从进展情况中识别：“%1”。输入数值即确认。</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <source>Indicators</source>
        <translation>指标数</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Bulletin draft written to {path}</source>
        <translation>通报草稿已写入 {path}</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Databases (*.sqlite)</source>
        <translation>数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 exists already. Choose another name, or open it with File → Open.</source>
        <translation>%1 已经存在。请换一个文件名，或用“文件 → 打开”打开它。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Databases (*.sqlite *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Import returns</source>
        <translation>导入报送表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls)</source>
        <translation>电子表格 (*.xlsx *.xls)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Import returns…</source>
        <translation>导入报送表(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export templates…</source>
        <translation>导出报送模板(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print summary table…</source>
        <translation>打印汇总表(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xport summary table (PDF, Excel or Word)…</source>
        <translation>导出汇总表（PDF、Excel 或 Word）(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Bulletin draft (Word)…</source>
        <translation>生成通报草稿（Word）(&amp;B)…</translation>
    </message>
    <message>
        <source>New &amp;plan from a table…</source>
        <translation>从表格新建年度计划(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Group by lead unit</source>
        <translation>按牵头单位分组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Not filled in</source>
        <translation>待填报(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Behind</source>
        <translation>滞后(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Overdue units</source>
        <translation>逾期单位(&amp;O)</translation>
    </message>
    <message>
        <source>Only the rows that units past their due date still owe</source>
        <translation>只显示已过截止日期的单位尚未报送的指标</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Submissions</source>
        <translation>报送情况(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add indicator…</source>
        <translation>添加指标(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove indicator</source>
        <translation>删除指标(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;number indicator…</source>
        <translation>调整序号(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Data checks…</source>
        <translation>数据检查(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Assessment of lead units…</source>
        <translation>牵头单位考核(&amp;A)…</translation>
    </message>
    <message>
        <source>Mark &amp;done (办结销号)…</source>
        <translation>办结销号(&amp;D)…</translation>
    </message>
    <message>
        <source>Reopen a done &amp;indicator</source>
        <translation>取消办结(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About kpi-desktop</source>
        <translation>关于 kpi-desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Filter: number, text or unit (Ctrl+F)</source>
        <translation>筛选：序号、内容或单位（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Edit %1 of indicator %2</source>
        <translation>修改指标 %2 的%1</translation>
    </message>
    <message>
        <source>Enter an achieved value</source>
        <translation>填写完成数</translation>
    </message>
    <message>
        <source>Edit the text of an indicator</source>
        <translation>修改指标内容</translation>
    </message>
    <message>
        <source>Change lead units</source>
        <translation>修改牵头单位</translation>
    </message>
    <message>
        <source>Correct a target</source>
        <translation>修改目标</translation>
    </message>
    <message>
        <source>Add a target</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <source>Remove a target</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Add indicator %1</source>
        <translation>添加指标 %1</translation>
    </message>
    <message>
        <source>Remove indicator %1</source>
        <translation>删除指标 %1</translation>
    </message>
    <message>
        <source>Renumber an indicator</source>
        <translation>调整指标序号</translation>
    </message>
    <message>
        <source>Mark done (办结)</source>
        <translation>办结销号</translation>
    </message>
    <message>
        <source>Reopen a done indicator</source>
        <translation>取消办结</translation>
    </message>
    <message>
        <source>Edit the note of indicator %1</source>
        <translation>修改第 %1 项的备注</translation>
    </message>
    <message>
        <source>Record an instruction on indicator %1</source>
        <translation>记录第 %1 项的领导批示</translation>
    </message>
    <message>
        <source>Correct an instruction on indicator %1</source>
        <translation>修改第 %1 项的领导批示</translation>
    </message>
    <message>
        <source>Mark an instruction on indicator %1: %2</source>
        <translation>标记第 %1 项的领导批示为%2</translation>
    </message>
    <message>
        <source>Remove an instruction from indicator %1</source>
        <translation>删除第 %1 项的领导批示</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Export the summary table</source>
        <translation>导出汇总表</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;Word document (*.docx)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx);;Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Open findings</source>
        <translation>检查发现未处理</translation>
    </message>
</context>
</TS>
