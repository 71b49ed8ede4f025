// The image library's picker window, opened by the article editor's picture button.
// Choosing a picture hands its address, library number, text alternative and caption
// back to the editor (the CKEditor-style callback that django-prose-editor listens
// for), then closes the window.
const funcNum = new URLSearchParams(window.location.search).get("CKEditorFuncNum");

document.addEventListener("click", (event) => {
  const choice = event.target.closest(".image-picker-choice");
  if (!choice || !window.opener || !funcNum) {
    return;
  }
  window.opener.CKEDITOR.tools.callFunction(Number(funcNum), choice.dataset.url, {
    id: choice.dataset.id,
    alternative_text: choice.dataset.alt,
    caption: choice.dataset.caption,
  });
  window.close();
});
