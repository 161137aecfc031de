// Oriole chat embed: <script src="https://oriole.example/widget.js" data-tenant="demo" async></script>
// Adds a floating button that opens the tenant's chat page in an iframe served by Oriole itself, so the visitor
// token stays in Oriole's own origin and the host page never sees it.
(function () {
  const script = document.currentScript;
  if (!script || !script.dataset.tenant) return;
  const origin = new URL(script.src).origin;
  const lang = script.dataset.lang ? '?lang=' + encodeURIComponent(script.dataset.lang) : '';
  const src = origin + '/widget/' + encodeURIComponent(script.dataset.tenant) + lang;

  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', 'Chat');
  button.textContent = '💬';
  button.style.cssText = 'position:fixed;right:24px;bottom:24px;width:56px;height:56px;border-radius:50%;border:0;' +
    'background:#e0a100;color:#fff;font-size:26px;box-shadow:0 6px 20px rgba(0,0,0,.25);cursor:pointer;z-index:2147483646';

  let frame = null;
  button.addEventListener('click', () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'Chat';
      frame.style.cssText = 'position:fixed;right:24px;bottom:92px;width:370px;height:560px;max-height:calc(100vh - 120px);' +
        'max-width:calc(100vw - 48px);border:0;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);' +
        'background:#fff;z-index:2147483647';
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
  });
  document.body.appendChild(button);
})();
