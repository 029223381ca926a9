/**
 * Links a guide may carry that must not survive either guide HTML sanitiser (mini-programs' and
 * H5's): script schemes however disguised, data: and other schemes, relative paths.
 */
export const HOSTILE_HREFS = [
  'javascript:alert(1)',
  ' JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'javascript&#58;alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  'mailto:a@b.cn',
  '/relative/path',
];
