import { keepKeyboardAccess } from '@/core/h5-keyboard-access';

// The observer answers in a microtask after each change to the document.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let undo: () => void = () => undefined;
afterEach(() => {
  undo();
  document.body.innerHTML = '';
});

test('controls drawn as elements with a role join the tab order; disabled ones and set orders are left alone', async () => {
  document.body.innerHTML = `
    <div id="tile" role="button">个人办事</div>
    <div id="link" role="link">户口迁移</div>
    <div id="off" role="button" aria-disabled="true">提交</div>
    <div id="own" role="radio" tabindex="-1">窗口自取</div>
    <div id="text">说明文字</div>`;
  undo = keepKeyboardAccess(document.body);
  expect(document.getElementById('tile')?.getAttribute('tabindex')).toBe('0');
  expect(document.getElementById('link')?.getAttribute('tabindex')).toBe('0');
  expect(document.getElementById('off')?.hasAttribute('tabindex')).toBe(false);
  expect(document.getElementById('own')?.getAttribute('tabindex')).toBe('-1');
  expect(document.getElementById('text')?.hasAttribute('tabindex')).toBe(false);
});

test('elements drawn later are prepared too, and the invalid aria-role attribute never stays', async () => {
  undo = keepKeyboardAccess(document.body);
  const row = document.createElement('div');
  row.innerHTML = '<div role="button" id="later">去评价</div><div aria-role="switch" id="nut">开关</div>';
  document.body.append(row);
  await settle();
  expect(document.getElementById('later')?.getAttribute('tabindex')).toBe('0');
  expect(document.getElementById('nut')?.hasAttribute('aria-role')).toBe(false);
  document.getElementById('later')?.setAttribute('aria-role', 'button');
  await settle();
  expect(document.getElementById('later')?.hasAttribute('aria-role')).toBe(false);
});

test("NutUI's buttons become buttons; a disabled one leaves the tab order and comes back when enabled", async () => {
  document.body.innerHTML = '<taro-button-core id="go" disabled="false">登录</taro-button-core>';
  undo = keepKeyboardAccess(document.body);
  const button = document.getElementById('go');
  expect(button?.getAttribute('role')).toBe('button');
  expect(button?.getAttribute('tabindex')).toBe('0');
  button?.setAttribute('disabled', '');
  await settle();
  expect(button?.getAttribute('aria-disabled')).toBe('true');
  expect(button?.getAttribute('tabindex')).toBe('-1');
  button?.setAttribute('disabled', 'false');
  await settle();
  expect(button?.getAttribute('aria-disabled')).toBe('false');
  expect(button?.getAttribute('tabindex')).toBe('0');
});

test('Enter and Space activate buttons and links, not plain text, and not disabled ones', () => {
  document.body.innerHTML = `
    <div id="tile" role="button">个人办事</div>
    <div id="off" role="button" aria-disabled="true">提交</div>
    <div id="text">说明文字</div>`;
  undo = keepKeyboardAccess(document.body);
  const clicks: string[] = [];
  document.body.addEventListener('click', (e) => clicks.push((e.target as HTMLElement).id));
  const press = (id: string, key: string) =>
    document.getElementById(id)?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  press('tile', 'Enter');
  press('tile', ' ');
  press('tile', 'a');
  press('off', 'Enter');
  press('text', 'Enter');
  expect(clicks).toEqual(['tile', 'tile']);
});

test('a page that scrolls can take focus', async () => {
  undo = keepKeyboardAccess(document.body);
  const page = document.createElement('div');
  page.className = 'taro_page';
  document.body.append(page);
  await settle();
  expect(page.getAttribute('tabindex')).toBe('0');
});
