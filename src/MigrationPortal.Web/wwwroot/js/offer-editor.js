// Live totals in the offer editor. The server computes the real totals on save; this only helps while typing.
(function () {
    var form = document.getElementById('offer-editor');
    if (!form) { return; }
    var lang = document.documentElement.lang === 'en' ? 'en' : 'nb';
    var vatRate = parseFloat(form.getAttribute('data-vat')) || 0.25;

    function parse(text) {
        var s = (text || '').replace(/kr/i, '').replace(/[\s\u00A0\u202F]/g, '').replace('\u2212', '-');
        if (s === '') { return 0; }
        var comma = s.lastIndexOf(','), dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
        } else if (dot >= 0 && (s.split('.').length > 2 || s.length - dot - 1 === 3)) {
            s = s.replace(/\./g, '');
        } else {
            s = s.replace(',', '.');
        }
        var n = Number(s);
        return isFinite(n) ? n : NaN;
    }

    function money(n) {
        if (isNaN(n)) { return '–'; }
        var formatted = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
        return lang === 'en' ? 'NOK ' + formatted : 'kr ' + formatted;
    }

    function value(row, selector) {
        var el = row.querySelector(selector);
        return el ? parse(el.value) : 0;
    }

    function update() {
        var net = 0, weeks = 0, yearly = 0;
        form.querySelectorAll('tr.activity-row').forEach(function (row) {
            var removed = row.querySelector('.js-remove').checked;
            var fixed = row.querySelector('.js-kind').value === 'Fixed';
            var qtyText = row.querySelector('.js-qty').value;
            var qty = qtyText.trim() === '' ? 1 : parse(qtyText);
            var total = fixed ? value(row, '.js-fixed') : Math.round(qty * value(row, '.js-price') * 100) / 100;
            row.querySelector('.js-row-total').textContent = removed ? '' : money(total);
            if (!removed) {
                net += total;
                weeks += value(row, '.js-weeks') || 0;
            }
        });
        form.querySelectorAll('tr.yearly-row').forEach(function (row) {
            if (!row.querySelector('.js-remove').checked) { yearly += value(row, '.js-yearly'); }
        });
        var vat = Math.round(net * vatRate * 100) / 100;
        document.getElementById('total-net').textContent = money(net);
        document.getElementById('total-vat').textContent = money(vat);
        document.getElementById('total-gross').textContent = money(net + vat);
        document.getElementById('total-yearly').textContent = money(yearly);
        document.getElementById('total-weeks').textContent = isNaN(weeks) ? '–' : String(weeks);
    }

    // Totals change visibly on every keystroke; a screen reader hears the new total once a field is left.
    function announce() {
        var live = document.getElementById('totals-announce');
        if (live) {
            live.textContent = live.getAttribute('data-label') + ': ' + document.getElementById('total-gross').textContent;
        }
    }

    form.addEventListener('input', update);
    form.addEventListener('change', function () { update(); announce(); });
    update();
})();
