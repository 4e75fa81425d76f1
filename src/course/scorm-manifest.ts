// The imsmanifest.xml of a pack's SCORM 1.2 package: one organization with one item, launching
// one SCO (the game, opened on the pack), which lists every file of the package by its relative
// path. Pure: the CLI's `levels scorm` gives it the file list.

/** The page an LMS launches: it opens the game on the pack inside the package. */
export const SCORM_LAUNCH = "launch.html";
/** Where the pack sits in the package, and how the launch page opens it. */
export const SCORM_PACK_FILE = "pack.json";
export const SCORM_GAME_URL = `index.html#/pack?src=${SCORM_PACK_FILE}`;

const xml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${({ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" })[c]};`)
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");

/** A file's relative path as a manifest href: "/" between folders, each part percent-encoded. */
const href = (path: string) => path.split("/").map(encodeURIComponent).join("/");

export function scormManifest(pack: { id: string; title: string }, files: readonly string[]): string {
  const title = xml(pack.title);
  const list = [...files].sort().map((f) => `      <file href="${xml(href(f))}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="interleave-${xml(pack.id)}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="interleave-org">
    <organization identifier="interleave-org">
      <title>${title}</title>
      <item identifier="interleave-item" identifierref="interleave-sco" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="interleave-sco" type="webcontent" adlcp:scormtype="sco" href="${SCORM_LAUNCH}">
${list}
    </resource>
  </resources>
</manifest>
`;
}

/** The launch page: straight on to the game on the pack, by a relative link (and a link to click without script). */
export function scormLaunchPage(title: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>${xml(title)}</title>
    <script>location.replace(${JSON.stringify(SCORM_GAME_URL)});</script>
  </head>
  <body>
    <p><a href="${xml(SCORM_GAME_URL)}">Open the pack</a></p>
  </body>
</html>
`;
}
