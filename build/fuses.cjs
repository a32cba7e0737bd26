// Electron fuses for release and test builds. Release builds switch off every way of turning
// the app into a plain Node runtime or attaching a debugger; test builds keep the inspector
// (Playwright's _electron connects through it) and nothing else.
'use strict';

/** The electronFuses option of electron-builder for a release or a test build. */
function electronFuses(testBuild) {
  return {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: Boolean(testBuild),
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  };
}

module.exports = { electronFuses };
