// A session that expired while the page was open: reload, and Keycloak asks to sign in.
// A file of its own, not inline: the pages' Content-Security-Policy allows no inline script.
$(document).on('pfAjaxError', function (event, xhr) {
  if (xhr.status === 401 || xhr.status === 403) {
    window.location.reload();
  }
});
