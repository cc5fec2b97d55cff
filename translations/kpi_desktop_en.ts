<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong. Your saved work is safe in the database.</source>
        <translation>Something went wrong. Your saved work is safe in the database.</translation>
    </message>
    <message>
        <source>The details were written to the log file %1.</source>
        <translation>The details were written to the log file %1.</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Assessment of lead units</source>
        <translation>Assessment of lead units</translation>
    </message>
    <message>
        <source>Returns due on</source>
        <translation>Returns due on</translation>
    </message>
    <message>
        <source>Counted to</source>
        <translation>Counted to</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>Export to &amp;Excel…</translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation>Export to &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Assessment written to {path}</source>
        <translation>Assessment written to {path}</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Plan years</source>
        <translation>Plan years</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Last edit in it</source>
        <translation>Last edit in it</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>first opening of the day</source>
        <translation>first opening of the day</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>before a program update</source>
        <translation>before a program update</translation>
    </message>
    <message>
        <source>This backup cannot be restored: %1</source>
        <translation>This backup cannot be restored: %1</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>damaged</translation>
    </message>
    <message>
        <source>before a new year's plan</source>
        <translation>before a new year's plan</translation>
    </message>
</context>
<context>
    <name>BulletinDialog</name>
    <message>
        <source>Bulletin draft</source>
        <translation>Bulletin draft</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>&amp;Word file</source>
        <translation>&amp;Word file</translation>
    </message>
    <message>
        <source>the built-in wording</source>
        <translation>the built-in wording</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Template</translation>
    </message>
    <message>
        <source>Save the built-in template as…</source>
        <translation>Save the built-in template as…</translation>
    </message>
    <message>
        <source>Returns were due on</source>
        <translation>Returns were due on</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
</context>
<context>
    <name>ChartsDock</name>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Save chart as &amp;PNG…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Save chart as PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>ChaseDialog</name>
    <message>
        <source>Chase list</source>
        <translation>Chase list</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;Copy to clipboard</translation>
    </message>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Save as CSV…</translation>
    </message>
    <message>
        <source>Save the notice as &amp;PDF…</source>
        <translation>Save the notice as &amp;PDF…</translation>
    </message>
    <message>
        <source>Rounds of chasing</source>
        <translation>Rounds of chasing</translation>
    </message>
    <message>
        <source>whom: the units' contacts, a name…</source>
        <translation>whom: the units' contacts, a name…</translation>
    </message>
    <message>
        <source>&amp;Record this round</source>
        <translation>&amp;Record this round</translation>
    </message>
    <message>
        <source>Shown:</source>
        <translation>Shown:</translation>
    </message>
    <message>
        <source>Chased on:</source>
        <translation>Chased on:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>How:</translation>
    </message>
    <message>
        <source>Whom:</source>
        <translation>Whom:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>The chase list now</source>
        <translation>The chase list now</translation>
    </message>
    <message>
        <source>Round %1, %2, %3</source>
        <translation>Round %1, %2, %3</translation>
    </message>
    <message>
        <source>Round %1 recorded: %2 units chased.</source>
        <translation>Round %1 recorded: %2 units chased.</translation>
    </message>
    <message>
        <source>Copied. Paste it into a message or a notice.</source>
        <translation>Copied. Paste it into a message or a notice.</translation>
    </message>
    <message>
        <source>Save chase list</source>
        <translation>Save chase list</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>Save the notice</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ChecksDialog</name>
    <message>
        <source>Data checks</source>
        <translation>Data checks</translation>
    </message>
    <message>
        <source>&amp;Go to indicator</source>
        <translation>&amp;Go to indicator</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Dismiss…</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Check &amp;again</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dismiss a finding</source>
        <translation>Dismiss a finding</translation>
    </message>
    <message>
        <source>Why is this finding all right? (kept in the indicator's history)</source>
        <translation>Why is this finding all right? (kept in the indicator's history)</translation>
    </message>
</context>
<context>
    <name>ColumnDialog</name>
    <message>
        <source>Which column is which?</source>
        <translation>Which column is which?</translation>
    </message>
    <message>
        <source>The program is not sure which column of “%1” holds what. Check the first rows below and choose, above each column, what it holds; leave a column at “not read” to skip it. The choice is remembered for tables laid out the same way.</source>
        <translation>The program is not sure which column of “%1” holds what. Check the first rows below and choose, above each column, what it holds; leave a column at “not read” to skip it. The choice is remembered for tables laid out the same way.</translation>
    </message>
    <message>
        <source>Header row (as Excel numbers it):</source>
        <translation>Header row (as Excel numbers it):</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>holds</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>not read</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>Choose the column that holds the work items (重点工作) at least.</source>
        <translation>Choose the column that holds the work items (重点工作) at least.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Automatic (from the figures)</source>
        <translation>Automatic (from the figures)</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>End of month %1</source>
        <translation>End of month %1</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Indicator %1, %2: the %3 was saved by someone else (%4) while you were changing it. Yours is not saved yet, so that neither overwrites the other. Keep yours, keep theirs, or merge the two and save.</source>
        <translation>Indicator %1, %2: the %3 was saved by someone else (%4) while you were changing it. Yours is not saved yet, so that neither overwrites the other. Keep yours, keep theirs, or merge the two and save.</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>Yours (not saved)</translation>
    </message>
    <message>
        <source>Saved by the other side</source>
        <translation>Saved by the other side</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Keep &amp;mine</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Keep &amp;theirs</translation>
    </message>
    <message>
        <source>M&amp;erged text (edit it, then save it)</source>
        <translation>M&amp;erged text (edit it, then save it)</translation>
    </message>
    <message>
        <source>&amp;Save the merged text</source>
        <translation>&amp;Save the merged text</translation>
    </message>
</context>
<context>
    <name>ExportTemplatesDialog</name>
    <message>
        <source>Export templates</source>
        <translation>Export templates</translation>
    </message>
    <message>
        <source>Every lead unit, one file each</source>
        <translation>Every lead unit, one file each</translation>
    </message>
    <message>
        <source>All rows in one file</source>
        <translation>All rows in one file</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Each unit gets its own rows, including those it leads together with others. Send the files out; import what comes back with File → Import returns.</source>
        <translation>Each unit gets its own rows, including those it leads together with others. Send the files out; import what comes back with File → Import returns.</translation>
    </message>
    <message>
        <source>templates</source>
        <translation>templates</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation>Into folder:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>Export template</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>No lead unit has rows in this plan: nothing written.</source>
        <translation>No lead unit has rows in this plan: nothing written.</translation>
    </message>
    <message>
        <source>%1 files written into %2.</source>
        <translation>%1 files written into %2.</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nothing was exported: %1</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>What was found, and what to do</source>
        <translation>What was found, and what to do</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Dismissed: {reason}</source>
        <translation>Dismissed: {reason}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of indicator %1</source>
        <translation>History of indicator %1</translation>
    </message>
    <message>
        <source>Every earlier value is kept. Select a row and restore the earlier or the new value.</source>
        <translation>Every earlier value is kept. Select a row and restore the earlier or the new value.</translation>
    </message>
    <message>
        <source>Restore the &amp;earlier value</source>
        <translation>Restore the &amp;earlier value</translation>
    </message>
    <message>
        <source>Restore the &amp;new value</source>
        <translation>Restore the &amp;new value</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Earlier value</source>
        <translation>Earlier value</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Instruction recorded</source>
        <translation>Instruction recorded</translation>
    </message>
    <message>
        <source>Instruction removed</source>
        <translation>Instruction removed</translation>
    </message>
    <message>
        <source>Finding dismissed: {check}</source>
        <translation>Finding dismissed: {check}</translation>
    </message>
    <message>
        <source>Finding reopened: {check}</source>
        <translation>Finding reopened: {check}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import returns</source>
        <translation>Import returns</translation>
    </message>
    <message>
        <source>Period of the returns:</source>
        <translation>Period of the returns:</translation>
    </message>
    <message>
        <source>as each file says</source>
        <translation>as each file says</translation>
    </message>
    <message>
        <source>Templates sent by this program carry their period. For a file of a unit's own that names no period, choose it here.</source>
        <translation>Templates sent by this program carry their period. For a file of a unit's own that names no period, choose it here.</translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation>Check &amp;all</translation>
    </message>
    <message>
        <source>Check &amp;none</source>
        <translation>Check &amp;none</translation>
    </message>
    <message>
        <source>&amp;Import selected</source>
        <translation>&amp;Import selected</translation>
    </message>
    <message>
        <source>Files and rows</source>
        <translation>Files and rows</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>Stored now</translation>
    </message>
    <message>
        <source>In the returned file</source>
        <translation>In the returned file</translation>
    </message>
    <message>
        <source>Assign the columns…</source>
        <translation>Assign the columns…</translation>
    </message>
    <message>
        <source>An import is not undone with Ctrl+Z. The values it replaces stay in each indicator's History, and a backup copy of the database is made just before it (File → Restore from backup).</source>
        <translation>An import is not undone with Ctrl+Z. The values it replaces stay in each indicator's History, and a backup copy of the database is made just before it (File → Restore from backup).</translation>
    </message>
    <message>
        <source>Reading %1 files…</source>
        <translation>Reading %1 files…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Reading file %1 of %2: %3</source>
        <translation>Reading file %1 of %2: %3</translation>
    </message>
    <message>
        <source>The files could not be read: %1</source>
        <translation>The files could not be read: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 files, %2 refused as a whole. %3 of %4 rows checked for import.</source>
        <translation>%1 files, %2 refused as a whole. %3 of %4 rows checked for import.</translation>
    </message>
    <message>
        <source>The database is open read-only: nothing can be imported.</source>
        <translation>The database is open read-only: nothing can be imported.</translation>
    </message>
    <message>
        <source>Importing %1 rows…</source>
        <translation>Importing %1 rows…</translation>
    </message>
    <message>
        <source>Imported from %1 files: %2 rows changed stored values, %3 rows were recorded as received without a change.</source>
        <translation>Imported from %1 files: %2 rows changed stored values, %3 rows were recorded as received without a change.</translation>
    </message>
    <message>
        <source>An import is not undone with Ctrl+Z. The values it replaced stay in each indicator's History.</source>
        <translation>An import is not undone with Ctrl+Z. The values it replaced stay in each indicator's History.</translation>
    </message>
    <message>
        <source>The state before the import is saved in this backup (File → Restore from backup): %1</source>
        <translation>The state before the import is saved in this backup (File → Restore from backup): %1</translation>
    </message>
    <message>
        <source>No text changed, so no backup was needed.</source>
        <translation>No text changed, so no backup was needed.</translation>
    </message>
    <message>
        <source>The database is on a server: its backups are made there.</source>
        <translation>The database is on a server: its backups are made there.</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>The import failed: %1</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>File / No.</source>
        <translation>File / No.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>same file again</source>
        <translation>same file again</translation>
    </message>
    <message>
        <source>earlier period</source>
        <translation>earlier period</translation>
    </message>
    <message>
        <source>partly refused</source>
        <translation>partly refused</translation>
    </message>
    <message>
        <source>differs from a file</source>
        <translation>differs from a file</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>nothing to import</translation>
    </message>
    <message>
        <source>(named in each row)</source>
        <translation>(named in each row)</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> — every text is the same as the previous period's</source>
        <translation> — every text is the same as the previous period's</translation>
    </message>
    <message>
        <source>Sheet “%1”, row %2</source>
        <translation>Sheet “%1”, row %2</translation>
    </message>
    <message>
        <source>(the whole indicator)</source>
        <translation>(the whole indicator)</translation>
    </message>
    <message>
        <source>File “%1” row %2 gives another text for this indicator and unit; only one of the two can be imported: tick the one to keep. Its text: %3</source>
        <translation>File “%1” row %2 gives another text for this indicator and unit; only one of the two can be imported: tick the one to keep. Its text: %3</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>Indicator %1</source>
        <translation>Indicator %1</translation>
    </message>
    <message>
        <source>Several units are separated by spaces</source>
        <translation>Several units are separated by spaces</translation>
    </message>
    <message>
        <source>&amp;Key work</source>
        <translation>&amp;Key work</translation>
    </message>
    <message>
        <source>&amp;Lead units</source>
        <translation>&amp;Lead units</translation>
    </message>
    <message>
        <source>&amp;Add target</source>
        <translation>&amp;Add target</translation>
    </message>
    <message>
        <source>Re&amp;move target</source>
        <translation>Re&amp;move target</translation>
    </message>
    <message>
        <source>Edit indicator %1</source>
        <translation>Edit indicator %1</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>&amp;Edit indicator…</source>
        <translation>&amp;Edit indicator…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <source>Targets in this period</source>
        <translation>Targets in this period</translation>
    </message>
    <message>
        <source>Choose an indicator in the tree on the left.</source>
        <translation>Choose an indicator in the tree on the left.</translation>
    </message>
    <message>
        <source>Lead units: %1</source>
        <translation>Lead units: %1</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Key work</source>
        <translation>Key work</translation>
    </message>
    <message>
        <source>indicators: %1</source>
        <translation>indicators: %1</translation>
    </message>
    <message>
        <source>, behind: %1</source>
        <translation>, behind: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <source>Correct an instruction on indicator %1</source>
        <translation>Correct an instruction on indicator %1</translation>
    </message>
    <message>
        <source>Record an instruction on indicator %1</source>
        <translation>Record an instruction on indicator %1</translation>
    </message>
    <message>
        <source>e.g. 王区长</source>
        <translation>e.g. 王区长</translation>
    </message>
    <message>
        <source>&amp;Given by</source>
        <translation>&amp;Given by</translation>
    </message>
    <message>
        <source>2024-05-10, 2024/5/10 or 2024年5月10日</source>
        <translation>2024-05-10, 2024/5/10 or 2024年5月10日</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Instruction</source>
        <translation>&amp;Instruction</translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation>&amp;Follow-up</translation>
    </message>
</context>
<context>
    <name>InstructionsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <source>on time</source>
        <translation>on time</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>due soon, %1 days left</source>
        <translation>due soon, %1 days left</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>overdue by %1 days</source>
        <translation>overdue by %1 days</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>not yet due</translation>
    </message>
    <message>
        <source>nothing to return</source>
        <translation>nothing to return</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>no due date</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kpi-desktop</source>
        <translation>kpi-desktop</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>this user may only read</source>
        <translation>this user may only read</translation>
    </message>
    <message>
        <source>■ closed</source>
        <translation>■ closed</translation>
    </message>
    <message>
        <source>Imported at %1: %2 rows changed, %3 recorded as received</source>
        <translation>Imported at %1: %2 rows changed, %3 recorded as received</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Find an indicator&lt;/b&gt;: type its number, a word of its text or a unit's name in the filter box (Ctrl+F), then press Enter.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Enter progress&lt;/b&gt;: choose the period in the toolbar, select the indicator, and type in the Progress box on the right. Everything is saved at once; Ctrl+Z undoes, Ctrl+Y redoes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Figures&lt;/b&gt;: type the achieved value of each target in the table of targets; the status mark shows whether it is on schedule (序时进度).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Returns&lt;/b&gt;: drop the spreadsheets the units sent back on this window, or use File → Import returns.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Find an indicator&lt;/b&gt;: type its number, a word of its text or a unit's name in the filter box (Ctrl+F), then press Enter.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Enter progress&lt;/b&gt;: choose the period in the toolbar, select the indicator, and type in the Progress box on the right. Everything is saved at once; Ctrl+Z undoes, Ctrl+Y redoes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Figures&lt;/b&gt;: type the achieved value of each target in the table of targets; the status mark shows whether it is on schedule (序时进度).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Returns&lt;/b&gt;: drop the spreadsheets the units sent back on this window, or use File → Import returns.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About kpi-desktop</source>
        <translation>About kpi-desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;kpi-desktop %1&lt;/h3&gt;&lt;p&gt;Tracking the quantitative targets of a government work report through the year.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;kpi-desktop %1&lt;/h3&gt;&lt;p&gt;Tracking the quantitative targets of a government work report through the year.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>All changes saved at %1</source>
        <translation>All changes saved at %1</translation>
    </message>
</context>
<context>
    <name>NewIndicatorDialog</name>
    <message>
        <source>Add indicator</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>&amp;No.</source>
        <translation>&amp;No.</translation>
    </message>
    <message>
        <source>&amp;Key work</source>
        <translation>&amp;Key work</translation>
    </message>
    <message>
        <source>&amp;Lead units</source>
        <translation>&amp;Lead units</translation>
    </message>
</context>
<context>
    <name>NewPlanFromTable</name>
    <message>
        <source>New plan from a table</source>
        <translation>New plan from a table</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls)</source>
        <translation>Spreadsheets (*.xlsx *.xls)</translation>
    </message>
    <message>
        <source>The table names no year. Which year is its plan for?</source>
        <translation>The table names no year. Which year is its plan for?</translation>
    </message>
    <message>
        <source>%1: %2 indicators.</source>
        <translation>%1: %2 indicators.</translation>
    </message>
    <message>
        <source>New lead units: %1</source>
        <translation>New lead units: %1</translation>
    </message>
    <message>
        <source>The table's numbers do not give each indicator its own; they are numbered 1, 2, 3… in the table's order.</source>
        <translation>The table's numbers do not give each indicator its own; they are numbered 1, 2, 3… in the table's order.</translation>
    </message>
    <message>
        <source>%1 rows were not taken as indicators of their own:</source>
        <translation>%1 rows were not taken as indicators of their own:</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>The state before is saved in %1.</source>
        <translation>The state before is saved in %1.</translation>
    </message>
</context>
<context>
    <name>NotesBox</name>
    <message>
        <source>Only for you: not printed unless you ask</source>
        <translation>Only for you: not printed unless you ask</translation>
    </message>
    <message>
        <source>My &amp;note</source>
        <translation>My &amp;note</translation>
    </message>
    <message>
        <source>No leadership instruction recorded for this period.</source>
        <translation>No leadership instruction recorded for this period.</translation>
    </message>
    <message>
        <source>Leadership instructions</source>
        <translation>Leadership instructions</translation>
    </message>
    <message>
        <source>&amp;Record an instruction…</source>
        <translation>&amp;Record an instruction…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Mark followed &amp;up</source>
        <translation>Mark followed &amp;up</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Note and leadership instructions · %1</source>
        <translation>Note and leadership instructions · %1</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Open &amp;read-only</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>Q1 (Jan–Mar)</source>
        <translation>Q1 (Jan–Mar)</translation>
    </message>
    <message>
        <source>First half (Jan–Jun)</source>
        <translation>First half (Jan–Jun)</translation>
    </message>
    <message>
        <source>Jan–Sep</source>
        <translation>Jan–Sep</translation>
    </message>
    <message>
        <source>Full year</source>
        <translation>Full year</translation>
    </message>
</context>
<context>
    <name>PeriodPanel</name>
    <message>
        <source>■ closed (定稿) on %1, read-only</source>
        <translation>■ closed (定稿) on %1, read-only</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Progress</translation>
    </message>
    <message>
        <source>Automatic (from the figures)</source>
        <translation>Automatic (from the figures)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>End of month %1</source>
        <translation>End of month %1</translation>
    </message>
    <message>
        <source>Figures &amp;as of</source>
        <translation>Figures &amp;as of</translation>
    </message>
    <message>
        <source>Pro&amp;blems</source>
        <translation>Pro&amp;blems</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps</source>
        <translation>Ne&amp;xt steps</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Unit says: %1</source>
        <translation>Unit says: %1</translation>
    </message>
    <message>
        <source>The unit's own verdict differs from the status the figures give</source>
        <translation>The unit's own verdict differs from the status the figures give</translation>
    </message>
    <message>
        <source>The unit's own verdict in its progress text</source>
        <translation>The unit's own verdict in its progress text</translation>
    </message>
    <message>
        <source>Nothing filled in yet</source>
        <translation>Nothing filled in yet</translation>
    </message>
    <message>
        <source>Nothing filled in yet; earlier texts are in History</source>
        <translation>Nothing filled in yet; earlier texts are in History</translation>
    </message>
    <message>
        <source>Imported from %1 (%2) on %3</source>
        <translation>Imported from %1 (%2) on %3</translation>
    </message>
    <message>
        <source>From the built-in plan</source>
        <translation>From the built-in plan</translation>
    </message>
    <message>
        <source>Typed on %1</source>
        <translation>Typed on %1</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Remove indicator</source>
        <translation>Remove indicator</translation>
    </message>
    <message>
        <source>Remove indicator %1 with all its progress? You can undo this with Ctrl+Z.</source>
        <translation>Remove indicator %1 with all its progress? You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Renumber indicator</source>
        <translation>Renumber indicator</translation>
    </message>
    <message>
        <source>New number for indicator %1:</source>
        <translation>New number for indicator %1:</translation>
    </message>
    <message>
        <source>Mark done (办结销号)</source>
        <translation>Mark done (办结销号)</translation>
    </message>
    <message>
        <source>Indicator %1 is done as of (it leaves later templates and chase lists):</source>
        <translation>Indicator %1 is done as of (it leaves later templates and chase lists):</translation>
    </message>
</context>
<context>
    <name>PlanIdentityDialog</name>
    <message>
        <source>New plan from a table</source>
        <translation>New plan from a table</translation>
    </message>
    <message>
        <source>The %1 plan: check the region and the title, as the table gives them.</source>
        <translation>The %1 plan: check the region and the title, as the table gives them.</translation>
    </message>
    <message>
        <source>The %1 plan: the table's title names no region. Type it (e.g. 苍南县), or leave it empty.</source>
        <translation>The %1 plan: the table's title names no region. Type it (e.g. 苍南县), or leave it empty.</translation>
    </message>
    <message>
        <source>e.g. 苍南县</source>
        <translation>e.g. 苍南县</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>Print the summary table</source>
        <translation>Print the summary table</translation>
    </message>
    <message>
        <source>All lead units</source>
        <translation>All lead units</translation>
    </message>
    <message>
        <source>&amp;Rows</source>
        <translation>&amp;Rows</translation>
    </message>
    <message>
        <source>Problems and next steps columns</source>
        <translation>Problems and next steps columns</translation>
    </message>
    <message>
        <source>A status column</source>
        <translation>A status column</translation>
    </message>
    <message>
        <source>A leadership instructions column</source>
        <translation>A leadership instructions column</translation>
    </message>
    <message>
        <source>A column with my own notes</source>
        <translation>A column with my own notes</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>&amp;Landscape</translation>
    </message>
    <message>
        <source>&amp;Portrait</source>
        <translation>&amp;Portrait</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Compact margins (PDF and printer)</source>
        <translation>Compact margins (PDF and printer)</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Table text size</source>
        <translation>Table text size</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>&amp;Restore this backup…</source>
        <translation>&amp;Restore this backup…</translation>
    </message>
    <message>
        <source>A shared database is backed up and restored on its server (pg_dump), not here.</source>
        <translation>A shared database is backed up and restored on its server (pg_dump), not here.</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>There are no backups of this database yet.</translation>
    </message>
    <message>
        <source>Backups are made on the first opening of each day and before every import, program update and restore; the last %1 are kept. Restoring first saves the present state as a backup, so a restore can itself be undone.</source>
        <translation>Backups are made on the first opening of each day and before every import, program update and restore; the last %1 are kept. Restoring first saves the present state as a backup, so a restore can itself be undone.</translation>
    </message>
    <message>
        <source>Replace all data with the backup made %1 (%2)?

Everything saved since then will be replaced. The present state is saved as a backup first, so you can go back to it.</source>
        <translation>Replace all data with the backup made %1 (%2)?

Everything saved since then will be replaced. The present state is saved as a backup first, so you can go back to it.</translation>
    </message>
    <message>
        <source>The backup was restored. The state before it is saved in %1.</source>
        <translation>The backup was restored. The state before it is saved in %1.</translation>
    </message>
</context>
<context>
    <name>ScheduleCharts</name>
    <message>
        <source>Completion</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>Behind by unit</source>
        <translation>Behind by unit</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Loading the charts…</source>
        <translation>Loading the charts…</translation>
    </message>
    <message>
        <source>&amp;Save the picture…</source>
        <translation>&amp;Save the picture…</translation>
    </message>
    <message>
        <source>&amp;Reset the view</source>
        <translation>&amp;Reset the view</translation>
    </message>
    <message>
        <source>Completion of each indicator, {period} (%)</source>
        <translation>Completion of each indicator, {period} (%)</translation>
    </message>
    <message>
        <source>Schedule {value:.0f}%</source>
        <translation>Schedule {value:.0f}%</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Targets behind / targets with a figure, by lead unit</source>
        <translation>Targets behind / targets with a figure, by lead unit</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Click a bar under “Completion” to see that indicator through the year</source>
        <translation>Click a bar under “Completion” to see that indicator through the year</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Completion (%)</source>
        <translation>Completion (%)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>The window is shown again in the chosen language.</source>
        <translation>The window is shown again in the chosen language.</translation>
    </message>
    <message>
        <source>Shared &amp;database</source>
        <translation>Shared &amp;database</translation>
    </message>
    <message>
        <source>The address of the office's PostgreSQL database, opened the next time the program starts (empty: the file on this computer). Give no password here: the server's password file (pgpass) or service file keeps it.</source>
        <translation>The address of the office's PostgreSQL database, opened the next time the program starts (empty: the file on this computer). Give no password here: the server's password file (pgpass) or service file keeps it.</translation>
    </message>
    <message>
        <source>The address holds a password, which the program never stores. Remove it and put it in the server's password file (pgpass) instead.</source>
        <translation>The address holds a password, which the program never stores. Remove it and put it in the server's password file (pgpass) instead.</translation>
    </message>
    <message>
        <source>A shared database's address begins with postgresql://</source>
        <translation>A shared database's address begins with postgresql://</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ahead of schedule</source>
        <translation>Ahead of schedule</translation>
    </message>
    <message>
        <source>On schedule</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Behind</translation>
    </message>
    <message>
        <source>No figure yet</source>
        <translation>No figure yet</translation>
    </message>
    <message>
        <source>Not filled in</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>SubmissionsDock</name>
    <message>
        <source>Submissions</source>
        <translation>Submissions</translation>
    </message>
</context>
<context>
    <name>SubmissionsModel</name>
    <message>
        <source>Lead unit</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>Against the due date</source>
        <translation>Against the due date</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>From files</source>
        <translation>From files</translation>
    </message>
    <message>
        <source> (its own date)</source>
        <translation> (its own date)</translation>
    </message>
    <message>
        <source>no return; texts written</source>
        <translation>no return; texts written</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>Leads No. %1</source>
        <translation>Leads No. %1</translation>
    </message>
    <message>
        <source>Missing No. %1</source>
        <translation>Missing No. %1</translation>
    </message>
</context>
<context>
    <name>SubmissionsView</name>
    <message>
        <source>Submissions</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Set for the &amp;period</source>
        <translation>Set for the &amp;period</translation>
    </message>
    <message>
        <source>Set for the chosen &amp;unit</source>
        <translation>Set for the chosen &amp;unit</translation>
    </message>
    <message>
        <source>Clear the unit's own date</source>
        <translation>Clear the unit's own date</translation>
    </message>
    <message>
        <source>&amp;Due date:</source>
        <translation>&amp;Due date:</translation>
    </message>
    <message>
        <source>Chase list (催报)…</source>
        <translation>Chase list (催报)…</translation>
    </message>
    <message>
        <source>&amp;Close the period (定稿)…</source>
        <translation>&amp;Close the period (定稿)…</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>&amp;Reopen…</translation>
    </message>
    <message>
        <source>Period &amp;history…</source>
        <translation>Period &amp;history…</translation>
    </message>
    <message>
        <source>%1 %2: %3 of %4 lead units have answered (%5 complete); %6 of %7 rows back.</source>
        <translation>%1 %2: %3 of %4 lead units have answered (%5 complete); %6 of %7 rows back.</translation>
    </message>
    <message>
        <source>%1 units overdue.</source>
        <translation>%1 units overdue.</translation>
    </message>
    <message>
        <source>■ Closed (定稿) on %1 by %2: read-only.</source>
        <translation>■ Closed (定稿) on %1 by %2: read-only.</translation>
    </message>
    <message>
        <source>Close the period</source>
        <translation>Close the period</translation>
    </message>
    <message>
        <source>Close %1 %2 (定稿)? Its progress, statuses and figures can then no longer be changed, by the window, an import or an undo, until it is reopened with a reason.</source>
        <translation>Close %1 %2 (定稿)? Its progress, statuses and figures can then no longer be changed, by the window, an import or an undo, until it is reopened with a reason.</translation>
    </message>
    <message>
        <source>Open findings</source>
        <translation>Open findings</translation>
    </message>
    <message>
        <source>Reopen the period</source>
        <translation>Reopen the period</translation>
    </message>
    <message>
        <source>Why is the period reopened? (kept in the change log)</source>
        <translation>Why is the period reopened? (kept in the change log)</translation>
    </message>
    <message>
        <source>This period has never been closed.</source>
        <translation>This period has never been closed.</translation>
    </message>
    <message>
        <source>%1  closed by %2</source>
        <translation>%1  closed by %2</translation>
    </message>
    <message>
        <source>%1  reopened by %2: %3</source>
        <translation>%1  reopened by %2: %3</translation>
    </message>
    <message>
        <source>Period history</source>
        <translation>Period history</translation>
    </message>
</context>
<context>
    <name>SummaryPrinter</name>
    <message>
        <source>Laying out the summary table…</source>
        <translation>Laying out the summary table…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>The summary table could not be printed: {detail}. Check the printer and try again.</source>
        <translation>The summary table could not be printed: {detail}. Check the printer and try again.</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
</context>
<context>
    <name>TargetEditModel</name>
    <message>
        <source>Growth rate</source>
        <translation>Growth rate</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Ceiling</source>
        <translation>Ceiling</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Qualitative</source>
        <translation>Qualitative</translation>
    </message>
    <message>
        <source>What is measured</source>
        <translation>What is measured</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Start of year</source>
        <translation>Start of year</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Tick when you have checked this target</source>
        <translation>Tick when you have checked this target</translation>
    </message>
    <message>
        <source>For a level: where it stood at the start of the year</source>
        <translation>For a level: where it stood at the start of the year</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Standing</translation>
    </message>
    <message>
        <source>qualitative</source>
        <translation>qualitative</translation>
    </message>
    <message>
        <source>%1 (schedule %2)</source>
        <translation>%1 (schedule %2)</translation>
    </message>
    <message>
        <source>Read from the progress text: “%1”. Type a value to confirm.</source>
        <translation>Read from the progress text: “%1”. Type a value to confirm.</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Bulletin draft written to {path}</source>
        <translation>Bulletin draft written to {path}</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>Databases (*.sqlite)</source>
        <translation>Databases (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 exists already. Choose another name, or open it with File → Open.</source>
        <translation>%1 exists already. Choose another name, or open it with File → Open.</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Databases (*.sqlite *.db);;All files (*)</source>
        <translation>Databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Import returns</source>
        <translation>Import returns</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls)</source>
        <translation>Spreadsheets (*.xlsx *.xls)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Restore from &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;Import returns…</source>
        <translation>&amp;Import returns…</translation>
    </message>
    <message>
        <source>&amp;Export templates…</source>
        <translation>&amp;Export templates…</translation>
    </message>
    <message>
        <source>&amp;Print summary table…</source>
        <translation>&amp;Print summary table…</translation>
    </message>
    <message>
        <source>E&amp;xport summary table (PDF, Excel or Word)…</source>
        <translation>E&amp;xport summary table (PDF, Excel or Word)…</translation>
    </message>
    <message>
        <source>&amp;Bulletin draft (Word)…</source>
        <translation>&amp;Bulletin draft (Word)…</translation>
    </message>
    <message>
        <source>New &amp;plan from a table…</source>
        <translation>New &amp;plan from a table…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Group by lead unit</source>
        <translation>&amp;Group by lead unit</translation>
    </message>
    <message>
        <source>&amp;Not filled in</source>
        <translation>&amp;Not filled in</translation>
    </message>
    <message>
        <source>&amp;Behind</source>
        <translation>&amp;Behind</translation>
    </message>
    <message>
        <source>&amp;Overdue units</source>
        <translation>&amp;Overdue units</translation>
    </message>
    <message>
        <source>Only the rows that units past their due date still owe</source>
        <translation>Only the rows that units past their due date still owe</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Charts</translation>
    </message>
    <message>
        <source>&amp;Submissions</source>
        <translation>&amp;Submissions</translation>
    </message>
    <message>
        <source>&amp;Add indicator…</source>
        <translation>&amp;Add indicator…</translation>
    </message>
    <message>
        <source>&amp;Remove indicator</source>
        <translation>&amp;Remove indicator</translation>
    </message>
    <message>
        <source>Re&amp;number indicator…</source>
        <translation>Re&amp;number indicator…</translation>
    </message>
    <message>
        <source>&amp;Data checks…</source>
        <translation>&amp;Data checks…</translation>
    </message>
    <message>
        <source>&amp;Assessment of lead units…</source>
        <translation>&amp;Assessment of lead units…</translation>
    </message>
    <message>
        <source>Mark &amp;done (办结销号)…</source>
        <translation>Mark &amp;done (办结销号)…</translation>
    </message>
    <message>
        <source>Reopen a done &amp;indicator</source>
        <translation>Reopen a done &amp;indicator</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About kpi-desktop</source>
        <translation>&amp;About kpi-desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Filter: number, text or unit (Ctrl+F)</source>
        <translation>Filter: number, text or unit (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Edit %1 of indicator %2</source>
        <translation>Edit %1 of indicator %2</translation>
    </message>
    <message>
        <source>Enter an achieved value</source>
        <translation>Enter an achieved value</translation>
    </message>
    <message>
        <source>Edit the text of an indicator</source>
        <translation>Edit the text of an indicator</translation>
    </message>
    <message>
        <source>Change lead units</source>
        <translation>Change lead units</translation>
    </message>
    <message>
        <source>Correct a target</source>
        <translation>Correct a target</translation>
    </message>
    <message>
        <source>Add a target</source>
        <translation>Add a target</translation>
    </message>
    <message>
        <source>Remove a target</source>
        <translation>Remove a target</translation>
    </message>
    <message>
        <source>Add indicator %1</source>
        <translation>Add indicator %1</translation>
    </message>
    <message>
        <source>Remove indicator %1</source>
        <translation>Remove indicator %1</translation>
    </message>
    <message>
        <source>Renumber an indicator</source>
        <translation>Renumber an indicator</translation>
    </message>
    <message>
        <source>Mark done (办结)</source>
        <translation>Mark done (办结)</translation>
    </message>
    <message>
        <source>Reopen a done indicator</source>
        <translation>Reopen a done indicator</translation>
    </message>
    <message>
        <source>Edit the note of indicator %1</source>
        <translation>Edit the note of indicator %1</translation>
    </message>
    <message>
        <source>Record an instruction on indicator %1</source>
        <translation>Record an instruction on indicator %1</translation>
    </message>
    <message>
        <source>Correct an instruction on indicator %1</source>
        <translation>Correct an instruction on indicator %1</translation>
    </message>
    <message>
        <source>Mark an instruction on indicator %1: %2</source>
        <translation>Mark an instruction on indicator %1: %2</translation>
    </message>
    <message>
        <source>Remove an instruction from indicator %1</source>
        <translation>Remove an instruction from indicator %1</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Export the summary table</source>
        <translation>Export the summary table</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;Word document (*.docx)</source>
        <translation>PDF (*.pdf);;Excel workbook (*.xlsx);;Word document (*.docx)</translation>
    </message>
    <message>
        <source>Open findings</source>
        <translation>Open findings</translation>
    </message>
</context>
</TS>