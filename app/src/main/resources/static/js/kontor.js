// htmx requests carry the CSRF token; set here because htmx 2 does not inherit hx-headers from <body>
// and the Content-Security-Policy forbids inline scripts.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});
