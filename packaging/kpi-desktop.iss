; Inno Setup script: the Windows installer of kpi-desktop (Inno Setup 6.3 or newer).
;
; Built by packaging\build_windows.ps1, which passes the version and the PyInstaller folder:
;   ISCC.exe /DAppVersion=0.5.0 /DBuildDir=..\dist\kpi-desktop packaging\kpi-desktop.iss
; Compiled on its own it takes the version from the built program's version resource, which
; the PyInstaller spec wrote from kpi_desktop.__version__.
;
; What it does: installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\kpi-desktop; adds one Start-menu entry (and a desktop shortcut if
; asked); registers no file type, no URL protocol and nothing that starts with Windows.
; The uninstaller removes what was installed and nothing else: the clerk's database, its
; backups and the log stay in %LOCALAPPDATA%\kpi-desktop (a different folder), and her
; preferences in the registry under HKCU\Software\kpi-desktop.
;
; This file is UTF-8 with a byte-order mark, so that the compiler reads the Chinese text.

#define AppName "kpi-desktop"
#define AppExeName "kpi-desktop.exe"
#define AppDataFolder "kpi-desktop"

; BuildDir: the PyInstaller folder (not Inno Setup's own SourceDir directive).
#ifndef BuildDir
  #define BuildDir AddBackslash(SourcePath) + "..\dist\kpi-desktop"
#endif
#if !FileExists(AddBackslash(BuildDir) + AppExeName)
  #error The PyInstaller folder was not found (BuildDir): run packaging\build_windows.ps1 first
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(BuildDir) + AppExeName, "ProductVersion")
#endif
#if AppVersion == ""
  #error No version: pass /DAppVersion=... or build the program with the PyInstaller spec
#endif

; Simplified Chinese messages: shipped in the Languages folder by recent Inno Setup releases;
; with an older one, put ChineseSimplified.isl (the translation for your Inno Setup version)
; into its Languages folder, or pass /DChineseMessages=path\to\ChineseSimplified.isl.
#ifndef ChineseMessages
  #define ChineseMessages AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
#endif
#if !FileExists(ChineseMessages)
  #error ChineseSimplified.isl was not found (see the comment above this line)
#endif

; The per-user programs folder. packaging/test_windows.sh passes
; /DProgramsFolder={localappdata}\Programs, the same folder spelt so that Wine 8 can expand it
; (its shell32 cannot expand {userpf}); everything else is as here.
#ifndef ProgramsFolder
  #define ProgramsFolder "{userpf}"
#endif

[Setup]
; The identity Windows keeps the installation under; never change it, or an upgrade would
; install a second copy beside the first.
AppId={{810C56F4-DD56-4F5A-8528-ABF4E1793A38}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per user, no elevation: the clerk has no administrator account.
PrivilegesRequired=lowest
; {userpf} is %LOCALAPPDATA%\Programs. Not {localappdata}\kpi-desktop: that is where the
; program keeps the clerk's data, and it must never be the folder the uninstaller empties.
DefaultDirName={#ProgramsFolder}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
; Qt 6 runs on 64-bit Windows 10 and later only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=no
ChangesEnvironment=no
CloseApplications=yes
RestartApplications=no
; Relative paths below are relative to this script's folder.
SetupIconFile=..\resources\icons\kpi-desktop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
OutputDir=..\dist
OutputBaseFilename=kpi-desktop-{#AppVersion}-setup
ShowLanguageDialog=auto

[Languages]
; The first entry is the fallback when Windows's language matches neither.
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.ShortcutName=量化指标跟踪 kpi-desktop
english.ShortcutName=kpi-desktop (work-report targets)
chinesesimplified.ShortcutComment=政府工作报告重点工作量化指标跟踪
english.ShortcutComment=Track the work report's quantitative targets
chinesesimplified.DataKeptWhere=已保留您的数据（数据库、备份和日志），位置：
english.DataKeptWhere=Your data (the database, its backups and the log) was kept in:
chinesesimplified.DataKeptHint=如不再需要，可手动删除该文件夹。
english.DataKeptHint=Delete that folder yourself if you no longer need it.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; PyInstaller's folder from an older version may hold libraries the new one no longer has;
; mixing them could load the wrong one. Only the program's own folder is cleared.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// After uninstalling, say where the data was kept, so that nobody thinks it is gone and
// nobody deletes it by accident while looking for it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataFolder: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataFolder := ExpandConstant('{localappdata}\{#AppDataFolder}');
    if DirExists(DataFolder) and not UninstallSilent then
      MsgBox(CustomMessage('DataKeptWhere') + #13#10 + DataFolder + #13#10#13#10 +
        CustomMessage('DataKeptHint'), mbInformation, MB_OK);
  end;
end;
