; NSIS installer of the StationDesk workstation for Windows (per-machine, 64-bit).
; NOT TESTED: written on Linux machines without Windows or NSIS; the GitHub Actions
; workflow .github/workflows/windows.yml is where it first runs.
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\build\dist\stationdesk packaging\windows\stationdesk.nsi
; The program goes to Program Files\StationDesk; users' data stays in
; %LOCALAPPDATA%\StationDesk (platformdirs), which installing over an older version and
; uninstalling never touch.
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\build\dist\stationdesk"
!endif
!define NAME "便民服务站窗口工作台"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\StationDesk"

Name "${NAME} ${VERSION}"
OutFile "..\..\dist\stationdesk-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\StationDesk"
InstallDirRegKey HKLM "Software\StationDesk" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "StationDesk" Main
  SetShellVarContext all
  ; An upgrade replaces the program folder as a whole (no stale modules of the old one).
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\stationdesk.exe"
  CreateShortcut "$DESKTOP\${NAME}.lnk" "$INSTDIR\stationdesk.exe"
  WriteRegStr HKLM "Software\StationDesk" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "StationDesk"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\stationdesk.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  ; Only the program: %LOCALAPPDATA%\StationDesk (the station's cases) stays.
  Delete "$SMPROGRAMS\${NAME}.lnk"
  Delete "$DESKTOP\${NAME}.lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\StationDesk"
SectionEnd
