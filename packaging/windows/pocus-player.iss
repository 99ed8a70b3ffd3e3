; Inno Setup script for the Windows build (dist\pocus-player, from packaging\pocus-player.spec).
;   iscc /DAppVersion=0.1.0 packaging\windows\pocus-player.iss
; Per-user install by default (no administrator rights); /ALLUSERS for a machine-wide one.
; Silent install for deployment tools (SCCM, Intune, a login script):
;   pocus-player-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/ALLUSERS] [/DIR=...]
; Silent removal: "%LOCALAPPDATA%\Programs\pocus-player\unins000.exe" /VERYSILENT

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C1F3E52-7B4A-4F0C-9E2D-5A8B1C7D3E90}
AppName=pocus-player
AppVersion={#AppVersion}
AppPublisher=pocus-player
DefaultDirName={autopf}\pocus-player
DefaultGroupName=pocus-player
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=pocus-player-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\pocus-player.exe
LicenseFile=..\..\dist\pocus-player\THIRD-PARTY-NOTICES.txt

[Files]
Source: "..\..\dist\pocus-player\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\pocus-player"; Filename: "{app}\pocus-player.exe"
Name: "{autoprograms}\pocus-player seat check"; Filename: "{cmd}"; Parameters: "/k ""{app}\pocus-player.exe"" selftest"

[Run]
Filename: "{app}\pocus-player.exe"; Parameters: "selftest"; Description: "Check this seat now"; Flags: postinstall nowait skipifsilent unchecked
