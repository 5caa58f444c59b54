// A button with data-print prints the page (the recovery codes); no inline script anywhere (CSP forbids it).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () {
        window.print();
    });
});
