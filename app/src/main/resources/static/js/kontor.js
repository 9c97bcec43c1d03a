// htmx requests carry the CSRF token; set here because htmx 2 does not inherit hx-headers from <body>
// and the Content-Security-Policy forbids inline scripts.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});

// After a failed save the page comes back with an error summary: move focus there so it is read out
// and the links to each field are one Tab away.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
});
