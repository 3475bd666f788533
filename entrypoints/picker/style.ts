/** The picker's look, inside its closed shadow root: nothing of it reaches the page's styles. */
export const PICKER_CSS = `
:host { all: initial; }
.mark { position: fixed; pointer-events: none; box-sizing: border-box; z-index: 2147483646; }
.mark.current { outline: 3px solid #1a73e8; background: rgba(26,115,232,.08); }
.mark.hover { outline: 2px dashed #1a73e8; }
.mark.content { outline: 3px solid #188038; background: rgba(24,128,56,.08); }
.mark.remove { background: rgba(217,48,37,.25); outline: 2px solid #d93025; }
.mark.field { outline: 2px solid #e37400; }
.mark .tag { position: absolute; top: -1.6em; left: 0; font: 12px/1.4 system-ui, sans-serif; background: #1a73e8; color: #fff; padding: 0 .4em; white-space: nowrap; }
.panel { position: fixed; right: 12px; bottom: 12px; width: 380px; max-height: 75vh; overflow: auto; z-index: 2147483647;
  background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  font: 13px/1.5 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; padding: 10px 12px; }
.panel.left { right: auto; left: 12px; }
.panel h2 { font-size: 14px; margin: 0 0 6px; display: flex; justify-content: space-between; }
.panel button { font: inherit; margin: 2px 4px 2px 0; padding: 2px 8px; border: 1px solid #dadce0; border-radius: 4px; background: #f8f9fa; cursor: pointer; }
.panel button.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
.panel button:focus-visible { outline: 2px solid #1a73e8; }
.panel kbd { font: 11px monospace; color: #5f6368; margin-left: 3px; }
.panel .current { font-family: monospace; color: #1a73e8; }
.panel ul { margin: 4px 0; padding-left: 18px; }
.panel textarea { width: 100%; box-sizing: border-box; min-height: 8em; font: 12px monospace; }
.panel .result { background: #f1f3f4; padding: 4px 6px; border-radius: 4px; margin: 6px 0; }
.panel .error { color: #d93025; }
.panel .hint { color: #5f6368; font-size: 12px; }
.panel fieldset { border: none; padding: 0; margin: 4px 0; }
`;
