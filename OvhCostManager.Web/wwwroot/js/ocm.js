// Small browser helpers called from Blazor components (kept out of inline scripts for the Content-Security-Policy).
window.ocm = {
    // Saves a stream sent over the circuit as a file: used by the tables' CSV buttons.
    downloadStream: async function (fileName, contentType, streamReference) {
        const buffer = await streamReference.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = fileName;
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        URL.revokeObjectURL(url);
    }
};
window.ocm.print = function () { window.print(); };
// Keeps the light/dark choice for a year; the server reads it at prerender (ThemeCookie).
window.ocm.setTheme = function (theme) {
    document.cookie = 'ocm-theme=' + encodeURIComponent(theme) + '; path=/; max-age=31536000; samesite=lax' + (location.protocol === 'https:' ? '; secure' : '');
};
// Brings a drill-down panel that just opened into view and moves the focus to it (keyboard and screen-reader users).
window.ocm.reveal = function (element) {
    if (!element) { return; }
    element.scrollIntoView({ block: 'start', behavior: 'smooth' });
    element.focus({ preventScroll: true });
};
