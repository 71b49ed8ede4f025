// Starts the rich-text editor on every textarea that education.widgets.RichTextWidget
// renders, including FAQ rows added to a category page later. The editor module is
// loaded from the URL in the textarea's configuration, so the page needs no inline
// import map or script.
const ATTRIBUTE = "data-django-prose-editor-clinic";

function configOf(textarea) {
  return JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}");
}

async function start() {
  const first = document.querySelector(`[${ATTRIBUTE}]`);
  if (!first) {
    return;
  }
  const editor = await import(configOf(first).editor_module);

  function create(textarea) {
    if (textarea.closest(".prose-editor")) {
      return;
    }
    const extensions = Object.entries(configOf(textarea).extensions || {})
      .filter(([name]) => editor[name])
      .map(([name, options]) =>
        typeof options === "object" ? editor[name].configure(options) : editor[name],
      );
    const disabled = textarea.hasAttribute("disabled");
    // The editing area takes over the textarea's label and help text, so screen
    // readers announce "Body, edit text" rather than an unnamed region.
    const attributes = { role: "textbox", "aria-multiline": "true" };
    const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
    if (label) {
      label.id = label.id || `${textarea.id}_label`;
      attributes["aria-labelledby"] = label.id;
    }
    const help = textarea.getAttribute("aria-describedby");
    if (help) {
      attributes["aria-describedby"] = help;
    }
    const wrapper = document.createElement("div");
    wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
    textarea.before(wrapper);
    wrapper.append(textarea);
    new editor.Editor({
      element: wrapper,
      editable: !disabled,
      extensions,
      content: textarea.value,
      // The editor's base styles are in rich_text_editor.css: an injected <style>
      // element would be refused by the Content Security Policy.
      injectCSS: false,
      editorProps: { attributes },
      onUpdate({ editor: instance }) {
        const html = instance.getHTML();
        // An empty editor still holds one empty paragraph: store nothing instead.
        textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      },
      onDestroy() {
        wrapper.before(textarea);
        wrapper.remove();
      },
    });
  }

  editor.initializeEditors(create, `[${ATTRIBUTE}]`);
}

start();
