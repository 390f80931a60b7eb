//! Everything that can happen to the console: what a key asks for, and what the terminal,
//! the clock and the operating system tell it.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Anywhere.
    Quit,
    Help,
    ToggleWall,
    CycleTheme,
    CycleLang,
    Back,
    Up,
    Down,
    Select,
    // A meeting.
    NewMeeting,
    StartMeeting,
    EndMeeting,
    ShowRollCall,
    ShowAgenda,
    // Roll call.
    MarkPresent,
    MarkAbsent,
    MarkExcused,
    MarkObserving,
    // Agenda.
    NewMatter,
    CarryOver,
    MoveUp,
    MoveDown,
    // A matter.
    Advance,
    /// Take back the last entry recorded in this session.
    Undo,
    /// Withdraw the selected opinion, speaker or task.
    WithdrawSelected,
    /// Put the selected opinion or task right (the original is kept).
    CorrectSelected,
    /// The motion not yet put to the vote: taken back by its mover, or put off by the meeting.
    WithdrawMotion,
    DeferMotion,
    /// 休会.
    Adjourn,
    PrevStep,
    NextStep,
    AddOpinion,
    AddSpeaker,
    StartSpeaker,
    FinishSpeaker,
    ProposeMotion,
    ShowCouncil,
    GiveProxy,
    AddMember,
    MemberLeaves,
    SellUnit,
    ProposeAmendment,
    ProposeElection,
    OpenVote,
    VoteYes,
    VoteNo,
    VoteAbstain,
    HandInBallot,
    EnterCounts,
    CloseVote,
    ResolveRejected,
    AddTask,
    RecordProgress,
    ToggleSupervised,
    RecordReview,
    ConcludeReview,
    // The archive.
    ShowArchive,
    ShowLedger,
    Search,
    PageUp,
    PageDown,
    NextHit,
    PrevHit,
    Export,
    Sign,
    Correct,
    FilterStep,
    FilterState,
    FilterOverdue,
    // A confirmation.
    Yes,
    No,
    // A form, and its choice and text fields.
    Submit,
    Cancel,
    NextField,
    PrevField,
    PrevChoice,
    NextChoice,
    CursorLeft,
    CursorRight,
    CursorStart,
    CursorEnd,
    DeleteBack,
    DeleteForward,
    ClearToStart,
    // Not from the key table.
    /// A character typed into a text field.
    Type(char),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The countdown's second.
    Tick,
    /// The window changed size.
    Resize,
    /// SIGTERM or SIGHUP: leave as on quit.
    Terminate,
}
