#pragma once
#include "exporter.h"
#include "mapscene.h"
#include "result.h"
#include "view.h"

#include <QImage>
#include <functional>
#include <optional>
#include <vector>

namespace renkou::core {
struct DataBundle;
}

namespace renkou::ui {

/// Writes `frames` (of one size) as an animated GIF that loops, each frame shown `delayMs` (rounded to
/// 10 ms, GIF's unit) and the last three times as long, so that the loop pauses on the latest year. Encoded with giflib (GIF89a, the NETSCAPE2.0 loop extension); each frame reduced to
/// at most 256 colours of its own by giflib's median-cut quantizer (GifQuantizeBuffer), without dithering,
/// so that the class colours stay as drawn. Atomic: the file
/// appears complete or not at all; an existing file is replaced only when `overwrite`.
/// Errors: Value (no frames, frames of different sizes), Write (giflib or the file).
core::Status writeAnimatedGif(const QString &path, const std::vector<QImage> &frames, int delayMs, bool overwrite);

/// The formats of an animation, by the file's suffix.
enum class AnimationFormat {
    Gif,  ///< .gif: giflib, loops, 256 colours a frame
    Mp4,  ///< .mp4: H.264 (libx264), yuv420p, plays in browsers, phones and presentation software
    WebM, ///< .webm: VP9 (libvpx), yuv420p, plays in browsers
};

/// The format named by a file's suffix (.gif, .mp4, .webm, in any case), or nullopt.
std::optional<AnimationFormat> animationFormatOf(const QString &path);

/// Writes `frames` (of one size) as a video of `format` (Mp4 or WebM) with FFmpeg's libraries (libavformat,
/// libavcodec, libswscale): one frame every `delayMs` milliseconds, so that the video lasts frames × delayMs.
/// A frame of odd width or height is padded with white by one pixel (yuv420p needs even sizes). Encoded at
/// near-visually-lossless quality (H.264 CRF 18; VP9 CRF 31). Atomic as writeAnimatedGif().
/// Errors: Value (no frames, frames of different sizes, Gif given), Write (no encoder in this FFmpeg, the
/// encoder's or the muxer's message, the file).
core::Status writeVideo(const QString &path, AnimationFormat format, const std::vector<QImage> &frames, int delayMs, bool overwrite);

/// Done when `frames` can be written as one animation: at least one, all of one size. Errors: Value, naming
/// `path`.
core::Status checkFrames(const QString &path, const std::vector<QImage> &frames);

/// writeAnimatedGif() or writeVideo() by the suffix of `path`. Errors: Value (an unknown suffix), and theirs.
core::Status writeAnimation(const QString &path, const std::vector<QImage> &frames, int delayMs, bool overwrite);

/// The years an animation of `view` through [from, to] shows: those in which its indicator has data at its
/// level (an indicator of change: each year's change from the previous year with data).
std::vector<int> animationYears(const core::DataBundle &bundle, const core::View &view, int from, int to);

/// The map of `view` in each of `years`, drawn as renderView() does at `size` (PNG pixels), on the same
/// classes in every frame: breaks from the values of every year with data (not only those shown, as the
/// window's "same classes for every year"), so that a colour means the same number throughout. The year leads each frame's title; `texts` (the author's) are set on every frame, a
/// title after the years.
/// `progress` (if given) is called with the number of frames drawn; returning false stops the drawing
/// (the frames drawn so far are returned).
std::vector<QImage> animationFrames(const core::DataBundle &bundle, const core::View &view, const std::vector<int> &years,
                                    const ExportSize &size, const FigureTexts &texts = {}, const std::function<bool(int)> &progress = {});

} // namespace renkou::ui
