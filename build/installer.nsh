; Parley's additions to electron-builder's NSIS installer (per-user: SHELL_CONTEXT is HKCU).
; Registers the link capabilities Windows needs to offer Parley under Settings → Default apps
; for TEL, SIP and CALLTO links; the user still makes the choice. Mirrors build/windows-protocols.mjs.

!macro parleyRegisterLinkType LINK_SCHEME LINK_DESCRIPTION
  WriteRegStr SHELL_CONTEXT "Software\${PRODUCT_NAME}\Capabilities\URLAssociations" "${LINK_SCHEME}" "${PRODUCT_NAME}.Url.${LINK_SCHEME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PRODUCT_NAME}.Url.${LINK_SCHEME}" "" "${LINK_DESCRIPTION} (${PRODUCT_NAME})"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PRODUCT_NAME}.Url.${LINK_SCHEME}\DefaultIcon" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}",0'
  ; "--" ends Chromium's switch parsing before the link, as app.setAsDefaultProtocolClient does.
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PRODUCT_NAME}.Url.${LINK_SCHEME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\${PRODUCT_NAME}\Capabilities" "ApplicationName" "${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "Software\${PRODUCT_NAME}\Capabilities" "ApplicationDescription" "${PRODUCT_NAME} softphone"
  !insertmacro parleyRegisterLinkType "tel" "Telephone number"
  !insertmacro parleyRegisterLinkType "sip" "SIP address"
  !insertmacro parleyRegisterLinkType "callto" "Callto link"
  WriteRegStr SHELL_CONTEXT "Software\RegisteredApplications" "${PRODUCT_NAME}" "Software\${PRODUCT_NAME}\Capabilities"
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first; keep the registration through it.
  ${ifNot} ${isUpdated}
    DeleteRegValue SHELL_CONTEXT "Software\RegisteredApplications" "${PRODUCT_NAME}"
    DeleteRegKey SHELL_CONTEXT "Software\${PRODUCT_NAME}\Capabilities"
    DeleteRegKey /ifempty SHELL_CONTEXT "Software\${PRODUCT_NAME}"
    DeleteRegKey SHELL_CONTEXT "Software\Classes\${PRODUCT_NAME}.Url.tel"
    DeleteRegKey SHELL_CONTEXT "Software\Classes\${PRODUCT_NAME}.Url.sip"
    DeleteRegKey SHELL_CONTEXT "Software\Classes\${PRODUCT_NAME}.Url.callto"
  ${endIf}
!macroend
