namespace Verbatim.Model;

public enum DocumentKind
{
    Other,
    Letter,
    Note,
    Telegram,
    Statement,
    Article,
    Speech,
    Report,
    Chapter,
    Compilation,
}
