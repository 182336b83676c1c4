; Inno Setup 6 script: the Windows installer for facilitator-app.
;
; Saved as UTF-8 with a byte order mark, so that Inno Setup reads the Czech texts right.
; Build the app first, on Windows, with the project's Python:
;   python -m pip install -e . "pyinstaller>=6.0" "pillow>=10"
;   pyinstaller --noconfirm --clean packaging\facilitator-app.spec
; then the installer (Inno Setup 6.3 or newer; the version comes from the package):
;   iscc /DAppVersion=0.1.0 packaging\windows\facilitator-app.iss
; which writes dist\facilitator-app-0.1.0-setup.exe. Paths here are relative to this file.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\facilitator-app.iss
#endif

#define AppName "facilitator-app"
#define AppExe "facilitator-app.exe"
#define ProgId "FacilitatorApp.Workshop"
#define Dist "..\..\dist\facilitator-app"

[Setup]
; The AppId identifies the app for upgrades and uninstall: never change it.
AppId={{16FA8A5F-ABF7-4204-B5F0-1940CB8E6544}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=facilitator-app developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights, or for all users if chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\..\build\icons\facilitator-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "czech"; MessagesFile: "compiler:Languages\Czech.isl"

[CustomMessages]
english.WorkshopFile=Strategy workshop
czech.WorkshopFile=Strategický workshop
english.OpenDemo=facilitator-app demo workshop
czech.OpenDemo=facilitator-app – ukázkový workshop

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale: nothing of an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{cm:OpenDemo}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .workshop files open in the app and show its icon; uninstalling removes the association.
Root: HKA; Subkey: "Software\Classes\.workshop"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.workshop"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-facilitator-workshop"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.workshop\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:WorkshopFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".workshop"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
