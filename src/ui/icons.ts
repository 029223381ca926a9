// configure is the icon set's one named export: babel.config.js turns imports from the package
// into default imports of one file each, so it is taken from its file directly.
import { configure } from '@nutui/icons-react-taro/dist/es/icons/configure.js';
import './icons.scss';

// NutUI's icons draw an <i> element. The mini-programs have no template for it without Taro's
// HTML plugin (the mini suite's WXML render: "Template `tmpl_0_i` not found", so no icon shows):
// there they draw a view, which has one. H5 keeps the <i>.
if (process.env.TARO_ENV !== 'h5') configure({ tag: 'view' });

// Every icon the app shows comes through here, so the line above has run before any is drawn.
export { ArrowRight, Comment, Edit, LocationF, Notice, Order, Scan, Star, User } from '@nutui/icons-react-taro';
// 就近办's halls (search/more).
export { Phone, Store } from '@nutui/icons-react-taro';
