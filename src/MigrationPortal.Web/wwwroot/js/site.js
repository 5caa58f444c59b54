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
