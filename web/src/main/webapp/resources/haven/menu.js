// The header's menu on a narrow screen: the button opens and closes it, Escape closes it and gives
// the focus back to the button. On a wide screen the CSS shows the menu and hides the button.
(function () {
  var toggle = document.getElementById('menuToggle');
  var header = toggle && toggle.closest('.haven-header');
  if (!header) {
    return;
  }
  function show(open) {
    header.classList.toggle('haven-menu-open', open);
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  toggle.addEventListener('click', function () {
    show(toggle.getAttribute('aria-expanded') !== 'true');
  });
  header.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      show(false);
      toggle.focus();
    }
  });
})();
