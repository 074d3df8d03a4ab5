; Compiles build/installer.nsh on its own with makensis (Debian: apt-get install nsis), standing
; in for the defines electron-builder's NSIS template provides. Proves the include's syntax;
; only a Windows install proves what it writes.
; Run: makensis -WX -DOUTFILE=/tmp/parley-nsis-check.exe build/nsis-include-check.nsi
Unicode true
!include LogicLib.nsh
!define PRODUCT_NAME "Parley"
!define APP_EXECUTABLE_FILENAME "Parley.exe"
; electron-builder defines isUpdated as a LogicLib test; any test will do for compiling.
!define isUpdated `${FileExists} "$EXEDIR\updated"`
!include "installer.nsh"

Name "${PRODUCT_NAME}"
!ifndef OUTFILE
  !define OUTFILE "parley-nsis-check.exe"
!endif
OutFile "${OUTFILE}"
RequestExecutionLevel user

Section
  !insertmacro customInstall
  WriteUninstaller "$TEMP\parley-uninstall-check.exe"
SectionEnd

Section "Uninstall"
  !insertmacro customUnInstall
SectionEnd
