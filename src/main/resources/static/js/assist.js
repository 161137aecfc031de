// Agent assist: "Insert" puts a suggested answer into the reply box, where the agent edits it before sending.
(function () {
  if (window.orioleAssist) return;
  window.orioleAssist = true;
  document.addEventListener('click', e => {
    const button = e.target.closest('[data-assist-insert]');
    if (!button) return;
    const reply = document.querySelector('#reply-form textarea[name="body"]');
    if (!reply) return;
    const text = button.dataset.assistInsert;
    reply.value = reply.value.trim() ? reply.value.trimEnd() + '\n\n' + text : text;
    reply.focus();
    reply.setSelectionRange(reply.value.length, reply.value.length);
  });
})();
