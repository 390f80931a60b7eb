//! Forms (their choice and text fields), confirmations and pick lists, over any screen.

use crate::action::Action;
use crate::keys::Key::*;
use crate::keys::{Binding, Scope as S, hint};

pub static PROMPTS: &[Binding] = &[
    bind!(S::Form, [Enter], Action::Submit, "确认", "確認", "submit"),
    bind!(S::Form, [Esc], Action::Cancel, "取消", "取消", "cancel"),
    bind!(
        S::Form,
        [Tab, Down],
        Action::NextField,
        "下一栏",
        "下一欄",
        "next field"
    ),
    bind!(
        S::Form,
        [BackTab, Up],
        Action::PrevField,
        "上一栏",
        "上一欄",
        "previous field"
    ),
    bind!(
        S::Choice,
        [Left],
        Action::PrevChoice,
        "上一个选项",
        "上一個選項",
        "previous option"
    ),
    bind!(
        S::Choice,
        [Right, Char(' ')],
        Action::NextChoice,
        "下一个选项",
        "下一個選項",
        "next option"
    ),
    bind!(
        S::Choice,
        [Backspace],
        Action::DeleteBack,
        "删去一个查找字",
        "刪去一個查找字",
        "delete a letter of the search"
    ),
    bind!(
        S::Text,
        [Left],
        Action::CursorLeft,
        "光标左移一字",
        "游標左移一字",
        "cursor left"
    ),
    bind!(
        S::Text,
        [Right],
        Action::CursorRight,
        "光标右移一字",
        "游標右移一字",
        "cursor right"
    ),
    bind!(
        S::Text,
        [Home, Ctrl('a')],
        Action::CursorStart,
        "光标到开头",
        "游標到開頭",
        "cursor to the start"
    ),
    bind!(
        S::Text,
        [End, Ctrl('e')],
        Action::CursorEnd,
        "光标到末尾",
        "游標到末尾",
        "cursor to the end"
    ),
    bind!(
        S::Text,
        [Backspace],
        Action::DeleteBack,
        "删去光标前一字",
        "刪去游標前一字",
        "delete the character before"
    ),
    bind!(
        S::Text,
        [Delete],
        Action::DeleteForward,
        "删去光标后一字",
        "刪去游標後一字",
        "delete the character after"
    ),
    bind!(
        S::Text,
        [Ctrl('u')],
        Action::ClearToStart,
        "删去光标前的全部文字",
        "刪去游標前的全部文字",
        "delete everything before the cursor"
    ),
    bind!(
        S::Confirm,
        [Char('y'), Char('Y'), Enter],
        Action::Yes,
        "确认",
        "確認",
        "yes"
    ),
    bind!(
        S::Confirm,
        [Char('n'), Char('N'), Esc],
        Action::No,
        "取消",
        "取消",
        "no"
    ),
    bind!(
        S::Pick,
        [Up, Char('k')],
        Action::Up,
        "上移",
        "上移",
        "move up"
    ),
    bind!(
        S::Pick,
        [Down, Char('j')],
        Action::Down,
        "下移",
        "下移",
        "move down"
    ),
    bind!(S::Pick, [Enter], Action::Select, "选定", "選定", "choose"),
    bind!(S::Pick, [Esc], Action::Back, "取消", "取消", "cancel"),
    bind!(
        S::Help,
        [Up, Char('k')],
        Action::Up,
        "向上翻看",
        "向上翻看",
        "scroll up",
        hint(["上", "上", "up"])
    ),
    bind!(
        S::Help,
        [Down, Char('j')],
        Action::Down,
        "向下翻看",
        "向下翻看",
        "scroll down",
        hint(["下", "下", "down"])
    ),
    bind!(
        S::Help,
        [PageUp],
        Action::PageUp,
        "上翻一页",
        "上翻一頁",
        "page up",
        hint(["上页", "上頁", "page up"])
    ),
    bind!(
        S::Help,
        [PageDown, Char(' ')],
        Action::PageDown,
        "下翻一页",
        "下翻一頁",
        "page down",
        hint(["下页", "下頁", "page down"])
    ),
    bind!(
        S::Help,
        [Esc, Char('?'), F(1)],
        Action::Back,
        "关闭",
        "關閉",
        "close"
    ),
];
