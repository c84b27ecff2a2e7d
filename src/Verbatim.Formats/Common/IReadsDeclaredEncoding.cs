namespace Verbatim.Formats.Common;

/// <summary>
/// A reader that reads the bytes by the encoding the file itself declares (an XML declaration),
/// not by the text <see cref="TextDecoding"/> guessed: that guess is not the encoding it read.
/// </summary>
internal interface IReadsDeclaredEncoding;
