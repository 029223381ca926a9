import { htmlToPlainText, sanitizeGuideHtml } from '../../src/lib/sanitize-html';
import { HOSTILE_HREFS } from '../support/hostile-hrefs';

describe('sanitizeGuideHtml', () => {
  it('keeps whitelisted structure', () => {
    const html = '<h3>办理条件</h3><p>申请人须<strong>年满</strong>18周岁<br/></p><ul><li>一</li></ul>';
    expect(sanitizeGuideHtml(html)).toBe(
      '<h3>办理条件</h3><p>申请人须<strong>年满</strong>18周岁<br /></p><ul><li>一</li></ul>',
    );
  });

  it('removes <script> together with its content', () => {
    const out = sanitizeGuideHtml('<p>a</p><script>alert("x")</script><p>b</p>');
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('removes <script> written with odd syntax, and unclosed scripts up to the end', () => {
    expect(sanitizeGuideHtml('<p>a</p><SCRIPT/src="//x.cn/a.js">evil()</script >b')).toBe('<p>a</p>b');
    expect(sanitizeGuideHtml('<p>a</p><script>evil(); <p>b</p>')).toBe('<p>a</p>');
  });

  it('removes <style> and <iframe> with their content', () => {
    expect(sanitizeGuideHtml('<style>p{color:red}</style><p>x</p>')).toBe('<p>x</p>');
    expect(sanitizeGuideHtml('<iframe src="https://evil.cn">fallback</iframe><p>x</p>')).toBe('<p>x</p>');
  });

  it('strips event handlers', () => {
    expect(sanitizeGuideHtml('<img src=x onerror="alert(1)">')).toBe('');
    expect(sanitizeGuideHtml('<p onclick="alert(1)">x</p>')).toBe('<p>x</p>');
    expect(sanitizeGuideHtml('<span onmouseover=alert(1)>x</span>')).toBe('<span>x</span>');
  });

  it('strips style attributes but keeps the text', () => {
    expect(sanitizeGuideHtml('<span style="color:red;background:url(javascript:x)">红色文字</span>')).toBe(
      '<span>红色文字</span>',
    );
    expect(sanitizeGuideHtml('<div style="x">块</div>')).toBe('块');
  });

  it('keeps http, https and tel links', () => {
    expect(sanitizeGuideHtml('<a href="https://zwfw.hubei.gov.cn/a?b=1&amp;c=2" target="_blank">办事</a>')).toBe(
      '<a href="https://zwfw.hubei.gov.cn/a?b=1&amp;c=2">办事</a>',
    );
    expect(sanitizeGuideHtml('<a href="tel:027-12345">电话</a>')).toBe('<a href="tel:027-12345">电话</a>');
    expect(sanitizeGuideHtml('<a href="HTTP://example.cn">x</a>')).toBe('<a href="HTTP://example.cn">x</a>');
  });

  it.each(HOSTILE_HREFS)('drops href=%j', (href) => {
    expect(sanitizeGuideHtml(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
  });

  it('cannot be broken out of an href with encoded quotes', () => {
    expect(sanitizeGuideHtml('<a href="https://a.cn/?q=&quot;><script>alert(1)</script>">x</a>')).toBe(
      '<a href="https://a.cn/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    );
  });

  it('keeps numeric colspan/rowspan only', () => {
    expect(sanitizeGuideHtml('<table><tr><td colspan="2" rowspan="x" class="c">a</td></tr></table>')).toBe(
      '<table><tr><td colspan="2">a</td></tr></table>',
    );
  });

  it('escapes stray angle brackets in text and drops comments', () => {
    expect(sanitizeGuideHtml('<p>1 < 2 <!-- <script>x</script> --></p>')).toBe('<p>1 &lt; 2 </p>');
  });
});

describe('htmlToPlainText', () => {
  it('drops tags, keeps line structure and decodes entities', () => {
    const html = '<h3>条件</h3><p>年满&nbsp;18&#21608;岁 &amp; 户籍</p><ul><li>一</li><li>二</li></ul>';
    expect(htmlToPlainText(html)).toBe('条件\n年满 18周岁 & 户籍\n一\n二');
  });

  it('drops script and style bodies', () => {
    expect(htmlToPlainText('<style>p{}</style><p>a</p><script>b()</script>c')).toBe('a\nc');
  });

  it('separates table cells with spaces', () => {
    expect(
      htmlToPlainText('<table><tr><th>材料</th><th>份数</th></tr><tr><td>身份证</td><td>1</td></tr></table>'),
    ).toBe('材料 份数\n身份证 1');
  });

  it('decodes escaped markup as text rather than interpreting it', () => {
    expect(htmlToPlainText('&lt;b&gt;x&lt;/b&gt;')).toBe('<b>x</b>');
  });
});
