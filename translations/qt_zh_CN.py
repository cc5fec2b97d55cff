"""The Qt dialogs' own words in Chinese, for the parts of Qt the clerk sees.

The PySide6 wheels carry no qtbase_zh_CN catalogue, so the file dialog, the print and
print-preview dialogs, the message boxes' buttons and the text fields' context menus would
speak English. This table gives each of their strings (Qt's context and source text) the
program's own Chinese; `python translations/update.py` writes it to qt_zh_CN.ts and compiles
qt_zh_CN.qm, which ui/app.py installs after Qt's own catalogue (when there is one).
"""

from __future__ import annotations

QT_STRINGS: dict[str, dict[str, str]] = {
    "QFileDialog": {
        "&Choose": "选择(&C)",
        "&Delete": "删除(&D)",
        "&Look in:": "查找范围(&L)：",
        "&New Folder": "新建文件夹(&N)",
        "&Open": "打开(&O)",
        "&Rename": "重命名(&R)",
        "&Save": "保存(&S)",
        "All Files (*)": "所有文件 (*)",
        "Back": "后退",
        "Change to detail view mode": "切换到详细信息视图",
        "Change to list view mode": "切换到列表视图",
        "Create New Folder": "新建文件夹",
        "Create a New Folder": "新建一个文件夹",
        "Detail View": "详细信息",
        "Directories": "文件夹",
        "Directory:": "文件夹：",
        "File &name:": "文件名(&N)：",
        "Files": "文件",
        "Files of &type:": "文件类型(&T)：",
        "Forward": "前进",
        "Go back": "后退",
        "Go forward": "前进",
        "Go to the parent directory": "转到上一级文件夹",
        "List View": "列表",
        "List of places and bookmarks": "位置和书签列表",
        "Parent Directory": "上一级文件夹",
        "Show ": "显示 ",
        "Show &hidden files": "显示隐藏文件(&H)",
        "Sidebar": "侧边栏",
    },
    "QFileSystemModel": {
        "Computer": "计算机",
        "Date Modified": "修改日期",
        "Name": "名称",
        "Size": "大小",
    },
    "QAbstractFileIconProvider": {"Drive": "驱动器"},
    "QInputDialog": {"Enter a value:": "请输入："},
    "QMessageBox": {"Show Details...": "显示详细信息…", "Hide Details...": "隐藏详细信息…"},
    "QPlatformTheme": {
        "&No": "否(&N)",
        "&Yes": "是(&Y)",
        "Abort": "中止",
        "Apply": "应用",
        "Cancel": "取消",
        "Close": "关闭",
        "Discard": "不保存",
        "Help": "帮助",
        "Ignore": "忽略",
        "N&o to All": "全部否(&O)",
        "OK": "确定",
        "Open": "打开",
        "Reset": "重置",
        "Restore Defaults": "恢复默认",
        "Retry": "重试",
        "Save": "保存",
        "Yes to &All": "全部是(&A)",
    },
    "QLineEdit": {
        "&Copy": "复制(&C)",
        "&Paste": "粘贴(&P)",
        "&Redo": "重做(&R)",
        "&Undo": "撤销(&U)",
        "Cu&t": "剪切(&T)",
        "Delete": "删除",
        "Select All": "全选",
    },
    "QWidgetTextControl": {
        "&Copy": "复制(&C)",
        "&Paste": "粘贴(&P)",
        "&Redo": "重做(&R)",
        "&Undo": "撤销(&U)",
        "Cu&t": "剪切(&T)",
        "Delete": "删除",
        "Select All": "全选",
        "Copy &Link Location": "复制链接地址(&L)",
    },
    "QTabBar": {"Scroll Left": "向左滚动", "Scroll Right": "向右滚动"},
    "QPrintPreviewDialog": {
        "%1%": "%1%",
        "First page": "第一页",
        "Fit page": "适合页面",
        "Fit width": "适合宽度",
        "Landscape": "横向",
        "Last page": "最后一页",
        "Next page": "下一页",
        "Page Setup": "页面设置",
        "Page setup": "页面设置",
        "Portrait": "纵向",
        "Previous page": "上一页",
        "Print": "打印",
        "Print Preview": "打印预览",
        "Show facing pages": "显示对开页",
        "Show overview of all pages": "显示全部页面",
        "Show single page": "显示单页",
        "Zoom in": "放大",
        "Zoom out": "缩小",
        "Export to PDF": "导出为 PDF",
    },
    "QPrintDialog": {
        "&Options >>": "选项(&O) >>",
        "&Options <<": "选项(&O) <<",
        "&Print": "打印(&P)",
        "All Pages": "全部页面",
        "Even Pages": "偶数页",
        "Odd Pages": "奇数页",
        "Local file": "本地文件",
        "Print": "打印",
        "Print to File (PDF)": "打印到文件（PDF）",
        "Write PDF file": "写入 PDF 文件",
        "Left to Right, Top to Bottom": "从左到右，从上到下",
        "Left to Right, Bottom to Top": "从左到右，从下到上",
        "Right to Left, Bottom to Top": "从右到左，从下到上",
        "Right to Left, Top to Bottom": "从右到左，从上到下",
        "Bottom to Top, Left to Right": "从下到上，从左到右",
        "Bottom to Top, Right to Left": "从下到上，从右到左",
        "Top to Bottom, Left to Right": "从上到下，从左到右",
        "Top to Bottom, Right to Left": "从上到下，从右到左",
    },
    "QPrintSettingsOutput": {
        "Collate": "逐份打印",
        "Color": "彩色",
        "Color Mode": "颜色",
        "Copies": "份数",
        "Copies:": "份数：",
        "Current Page": "当前页",
        "Double Sided Printing": "双面打印",
        "Grayscale": "灰度",
        "Long side binding": "长边装订",
        "Off": "关",
        "Options": "选项",
        "Output Settings": "输出设置",
        "Page &Set:": "页面(&S)：",
        "Pages": "页码",
        "Pages from": "页码从",
        "Print all": "全部打印",
        "Print range": "打印范围",
        "Reverse": "倒序",
        "Selection": "所选内容",
        "Short side binding": "短边装订",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": (
            "用逗号分隔页码或页码范围，范围用连字符连接两个页码。例如 3,5-7,9 打印第 3、5、6、7、9 页。"
        ),
        "to": "至",
    },
    "QPrintWidget": {
        "&Name:": "名称(&N)：",
        "Location:": "位置：",
        "Output &file:": "输出文件(&F)：",
        "P&roperties": "属性(&R)",
        "Preview": "预览",
        "Printer": "打印机",
        "Type:": "类型：",
    },
    "QPageSetupWidget": {
        "Custom": "自定义",
        "Height:": "高度：",
        "Width:": "宽度：",
        "Landscape": "横向",
        "Portrait": "纵向",
        "Reverse landscape": "反向横向",
        "Reverse portrait": "反向纵向",
        "Margins": "页边距",
        "Millimeters (mm)": "毫米 (mm)",
        "Inches (in)": "英寸 (in)",
        "Points (pt)": "磅 (pt)",
        "Orientation": "方向",
        "Page &order:": "页面顺序(&O)：",
        "Page Layout": "页面布局",
        "Page size:": "纸张大小：",
        "Pages &per sheet:": "每张页数(&P)：",
        "Paper": "纸张",
        "Paper source:": "纸张来源：",
        "bottom margin": "下边距",
        "left margin": "左边距",
        "right margin": "右边距",
        "top margin": "上边距",
        "mm": "毫米",
    },
}


# Strings Qt asks for with a disambiguation: (context, source, disambiguation) -> Chinese.
QT_DISAMBIGUATED: dict[tuple[str, str, str], str] = {
    ("QAbstractFileIconProvider", "Folder", "All other platforms"): "文件夹",
    ("QFileSystemModel", "Type", "All other platforms"): "类型",
}


def ts_text() -> str:
    """The table as a Qt Linguist .ts file."""
    from xml.sax.saxutils import escape

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="zh_CN">']
    entries: dict[str, list[tuple[str, str, str]]] = {}
    for context, strings in QT_STRINGS.items():
        entries.setdefault(context, []).extend((s, "", c) for s, c in strings.items())
    for (context, source, comment), chinese in QT_DISAMBIGUATED.items():
        entries.setdefault(context, []).append((source, comment, chinese))
    for context, messages in entries.items():
        lines += ["<context>", f"    <name>{context}</name>"]
        for source, comment, chinese in messages:
            lines += ["    <message>", f"        <source>{escape(source)}</source>"]
            if comment:
                lines.append(f"        <comment>{escape(comment)}</comment>")
            lines += [f"        <translation>{escape(chinese)}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"
