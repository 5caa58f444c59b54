// Buttons that need a confirmation carry data-confirm; no inline script anywhere (CSP forbids it).
document.addEventListener('submit', function (e) {
    var button = e.submitter;
    var message = (button && button.getAttribute('data-confirm')) || e.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        e.preventDefault();
    }
});

// A form that comes back with errors moves focus to its error summary, so screen readers announce it.
document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
});

// A table wider than the screen scrolls sideways; keyboard users must be able to reach and scroll it (WCAG 2.1.1).
function markScrollableTables() {
    document.querySelectorAll('.table-responsive').forEach(function (wrapper) {
        if (wrapper.scrollWidth > wrapper.clientWidth) {
            wrapper.setAttribute('tabindex', '0');
            var caption = wrapper.querySelector('caption');
            if (caption && !wrapper.hasAttribute('aria-label')) {
                wrapper.setAttribute('role', 'region');
                wrapper.setAttribute('aria-label', caption.textContent.trim());
            }
        } else if (wrapper.getAttribute('tabindex') === '0') {
            wrapper.removeAttribute('tabindex');
        }
    });
}
document.addEventListener('DOMContentLoaded', markScrollableTables);
window.addEventListener('resize', markScrollableTables);
