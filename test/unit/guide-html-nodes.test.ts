/** @jest-environment jsdom */
import { guideHtmlToNodes, type GuideNode } from '../../src/lib/guide-html-nodes';
import { HOSTILE_HREFS } from '../support/hostile-hrefs';

/** The nodes written back as HTML, to read the expectations at a glance (test only: the app never serialises). */
function html(nodes: GuideNode[]): string {
  return nodes
    .map((node) => {
      if ('type' in node) return node.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const attrs = Object.entries(node.attrs)
        .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
        .join('');
      return `<${node.name}${attrs}>${html(node.children)}</${node.name}>`;
    })
    .join('');
}

const clean = (input: string) => html(guideHtmlToNodes(input));

describe('guideHtmlToNodes (H5: the browser parses, the policy filters)', () => {
  it('keeps whitelisted structure as element and text nodes', () => {
    expect(guideHtmlToNodes('<p>年满<strong>18</strong>周岁</p>')).toEqual([
      {
        name: 'p',
        attrs: {},
        children: [
          { type: 'text', text: '年满' },
          { name: 'strong', attrs: {}, children: [{ type: 'text', text: '18' }] },
          { type: 'text', text: '周岁' },
        ],
      },
    ]);
    expect(clean('<ul><li>一</li><li>二</li></ul><br>')).toBe('<ul><li>一</li><li>二</li></ul><br></br>');
  });

  it('drops script, style, iframe and svg with their content, however they are written', () => {
    expect(clean('<p>a</p><script>alert("x")</script><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(clean('<p>a</p><SCRIPT/src="//x.cn/a.js">evil()</script >b')).toBe('<p>a</p>b');
    expect(clean('<p>a</p><script>evil(); <p>b</p>')).toBe('<p>a</p>');
    expect(clean('<style>p{color:red}</style><p>x</p>')).toBe('<p>x</p>');
    expect(clean('<iframe src="https://evil.cn">fallback</iframe><p>x</p>')).toBe('<p>x</p>');
    expect(clean('<svg><script>alert(1)</script><text>t</text></svg><p>x</p>')).toBe('<p>x</p>');
    expect(clean('<template><p>hidden</p></template>shown')).toBe('shown');
  });

  it('never lets the parsed document run anything while it is read', () => {
    const w = window as unknown as { hit?: number };
    w.hit = 0;
    guideHtmlToNodes('<img src=x onerror="window.hit=1"><script>window.hit=2</script>');
    expect(w.hit).toBe(0);
  });

  it('drops event handlers, style and class, and elements outside the list but not their text', () => {
    expect(clean('<img src=x onerror="alert(1)">')).toBe('');
    expect(clean('<p onclick="alert(1)">x</p>')).toBe('<p>x</p>');
    expect(clean('<span style="color:red;background:url(javascript:x)" class="c">红色文字</span>')).toBe(
      '<span>红色文字</span>',
    );
    expect(clean('<div style="x"><font>块</font></div>')).toBe('块');
  });

  it('keeps http, https and tel links, decoded', () => {
    expect(clean('<a href="https://zwfw.hubei.gov.cn/a?b=1&amp;c=2" target="_blank">办事</a>')).toBe(
      '<a href="https://zwfw.hubei.gov.cn/a?b=1&amp;c=2">办事</a>',
    );
    expect(guideHtmlToNodes('<a href=" tel:027-12345 ">电话</a>')).toEqual([
      { name: 'a', attrs: { href: 'tel:027-12345' }, children: [{ type: 'text', text: '电话' }] },
    ]);
  });

  it.each(HOSTILE_HREFS)('drops href=%j', (href) => {
    expect(clean(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
  });

  it('keeps an href with quotes and brackets as one value, never as markup', () => {
    const nodes = guideHtmlToNodes('<a href="https://a.cn/?q=&quot;><script>alert(1)</script>">x</a>');
    expect(nodes).toEqual([
      {
        name: 'a',
        attrs: { href: 'https://a.cn/?q="><script>alert(1)</script>' },
        children: [{ type: 'text', text: 'x' }],
      },
    ]);
  });

  it('keeps numeric colspan/rowspan only, inside the table the parser builds', () => {
    expect(clean('<table><tr><td colspan="2" rowspan="x" class="c">a</td></tr></table>')).toBe(
      '<table><tbody><tr><td colspan="2">a</td></tr></tbody></table>',
    );
  });

  it('keeps stray angle brackets as text and drops comments', () => {
    expect(guideHtmlToNodes('<p>1 < 2 <!-- <script>x</script> --></p>')).toEqual([
      { name: 'p', attrs: {}, children: [{ type: 'text', text: '1 < 2 ' }] },
    ]);
  });

  it('is not fooled by names from Object.prototype', () => {
    expect(clean('<constructor>a</constructor><toString>b</toString><p hasOwnProperty="x">c</p>')).toBe('ab<p>c</p>');
  });

  it('returns nothing for empty input', () => {
    expect(guideHtmlToNodes('')).toEqual([]);
  });
});
