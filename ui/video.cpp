// Animated maps as MP4 (H.264) and WebM (VP9), encoded by FFmpeg's libraries.
#include "animation.h"
#include "inputfile.h"

#include <QPainter>
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace renkou::ui {

namespace {

/// The muxer writes into memory (so that the file is written atomically at the end) and seeks back to
/// finish its index, as into a file.
struct MemoryOutput {
    QByteArray bytes;
    qint64 position = 0;

    static int write(void *opaque, uint8_t *data, int length)
    {
        auto *out = static_cast<MemoryOutput *>(opaque);
        const qint64 end = out->position + length;
        if (end > out->bytes.size())
            out->bytes.resize(end);
        std::memcpy(out->bytes.data() + out->position, data, size_t(length));
        out->position = end;
        return length;
    }
    static int64_t seek(void *opaque, int64_t offset, int whence)
    {
        auto *out = static_cast<MemoryOutput *>(opaque);
        switch (whence & ~AVSEEK_FORCE) {
        case SEEK_SET: out->position = offset; break;
        case SEEK_CUR: out->position += offset; break;
        case SEEK_END: out->position = out->bytes.size() + offset; break;
        case AVSEEK_SIZE: return out->bytes.size();
        default: return -1;
        }
        return out->position;
    }
};

QString avMessage(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

template <typename T, void (*Free)(T **)>
struct AvDeleter {
    void operator()(T *p) const { Free(&p); }
};
using CodecContext = std::unique_ptr<AVCodecContext, AvDeleter<AVCodecContext, avcodec_free_context>>;
using Frame = std::unique_ptr<AVFrame, AvDeleter<AVFrame, av_frame_free>>;
using Packet = std::unique_ptr<AVPacket, AvDeleter<AVPacket, av_packet_free>>;

void freeIo(AVIOContext **io)
{
    if (*io)
        av_freep(&(*io)->buffer);
    avio_context_free(io);
}

} // namespace

core::Status writeVideo(const QString &path, AnimationFormat format, const std::vector<QImage> &frames, int delayMs, bool overwrite)
{
    const auto fail = [&](const QString &why) { return core::Error{core::Error::Code::Write, path, {}, why}; };
    if (format == AnimationFormat::Gif)
        return core::Error{core::Error::Code::Value, path, {}, QStringLiteral("a GIF is not a video: use writeAnimatedGif")};
    if (const auto bad = checkFrames(path, frames); !bad)
        return bad;
    const QSize size = frames.front().size();
    const QSize even((size.width() + 1) & ~1, (size.height() + 1) & ~1);
    const bool mp4 = format == AnimationFormat::Mp4;
    av_log_set_level(AV_LOG_ERROR); // not the encoders' statistics on stderr

    // The encoder: FFmpeg's wrapper of x264 or libvpx, else whichever encoder of the codec this FFmpeg has.
    const AVCodec *codec = avcodec_find_encoder_by_name(mp4 ? "libx264" : "libvpx-vp9");
    if (!codec)
        codec = avcodec_find_encoder(mp4 ? AV_CODEC_ID_H264 : AV_CODEC_ID_VP9);
    if (!codec)
        return fail(QStringLiteral("this FFmpeg has no %1 encoder").arg(mp4 ? QStringLiteral("H.264") : QStringLiteral("VP9")));

    AVFormatContext *muxer = nullptr;
    if (const int e = avformat_alloc_output_context2(&muxer, nullptr, mp4 ? "mp4" : "webm", nullptr); e < 0 || !muxer)
        return fail(QStringLiteral("muxer: %1").arg(avMessage(e)));
    const std::unique_ptr<AVFormatContext, void (*)(AVFormatContext *)> muxerOwner(muxer, avformat_free_context);
    MemoryOutput output;
    constexpr int kBuffer = 1 << 16;
    std::unique_ptr<AVIOContext, AvDeleter<AVIOContext, freeIo>> io(
        avio_alloc_context(static_cast<unsigned char *>(av_malloc(kBuffer)), kBuffer, 1, &output, nullptr, &MemoryOutput::write, &MemoryOutput::seek));
    if (!io)
        return fail(QStringLiteral("out of memory"));
    muxer->pb = io.get();
    muxer->flags |= AVFMT_FLAG_CUSTOM_IO;

    AVStream *stream = avformat_new_stream(muxer, nullptr);
    CodecContext encoder(avcodec_alloc_context3(codec));
    if (!stream || !encoder)
        return fail(QStringLiteral("out of memory"));
    // A tick of the time base is one frame: delayMs / 1000 s.
    const AVRational tick = av_mul_q(AVRational{delayMs, 1}, AVRational{1, 1000});
    encoder->width = even.width();
    encoder->height = even.height();
    encoder->pix_fmt = AV_PIX_FMT_YUV420P;
    encoder->time_base = tick;
    encoder->framerate = av_inv_q(tick);
    encoder->gop_size = 10;
    encoder->color_range = AVCOL_RANGE_MPEG;
    encoder->colorspace = AVCOL_SPC_BT709;
    encoder->color_primaries = AVCOL_PRI_BT709;
    encoder->color_trc = AVCOL_TRC_BT709;
    if (muxer->oformat->flags & AVFMT_GLOBALHEADER)
        encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary *options = nullptr;
    if (mp4) {
        av_dict_set(&options, "crf", "18", 0);
        av_dict_set(&options, "preset", "medium", 0);
    } else {
        av_dict_set(&options, "crf", "31", 0);
        av_dict_set(&options, "b", "0", 0);
        av_dict_set(&options, "deadline", "good", 0);
        av_dict_set(&options, "cpu-used", "4", 0);
    }
    const int opened = avcodec_open2(encoder.get(), codec, &options);
    av_dict_free(&options);
    if (opened < 0)
        return fail(QStringLiteral("encoder %1: %2").arg(QString::fromUtf8(codec->name), avMessage(opened)));
    if (const int e = avcodec_parameters_from_context(stream->codecpar, encoder.get()); e < 0)
        return fail(avMessage(e));
    stream->time_base = tick;
    if (const int e = avformat_write_header(muxer, nullptr); e < 0)
        return fail(QStringLiteral("muxer: %1").arg(avMessage(e)));

    Packet packet(av_packet_alloc());
    Frame frame(av_frame_alloc());
    if (!packet || !frame)
        return fail(QStringLiteral("out of memory"));
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = even.width();
    frame->height = even.height();
    if (const int e = av_frame_get_buffer(frame.get(), 0); e < 0)
        return fail(avMessage(e));
    // RGB to BT.709 limited-range YUV, as players assume for HD video.
    const std::unique_ptr<SwsContext, void (*)(SwsContext *)> scaler(
        sws_getContext(even.width(), even.height(), AV_PIX_FMT_RGB24, even.width(), even.height(), AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr,
                       nullptr, nullptr),
        sws_freeContext);
    if (!scaler)
        return fail(QStringLiteral("no RGB to YUV conversion"));
    sws_setColorspaceDetails(scaler.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1, sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);

    // Sends a frame (nullptr: the end) and writes the packets it gives, each lasting one frame.
    const auto encode = [&](AVFrame *f) -> QString {
        if (const int e = avcodec_send_frame(encoder.get(), f); e < 0)
            return avMessage(e);
        for (;;) {
            const int e = avcodec_receive_packet(encoder.get(), packet.get());
            if (e == AVERROR(EAGAIN) || e == AVERROR_EOF)
                return {};
            if (e < 0)
                return avMessage(e);
            packet->duration = 1;
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            if (const int w = av_interleaved_write_frame(muxer, packet.get()); w < 0)
                return avMessage(w);
        }
    };
    QImage rgb(even, QImage::Format_RGB888);
    for (size_t i = 0; i < frames.size(); ++i) {
        rgb.fill(Qt::white);
        {
            QPainter p(&rgb);
            p.drawImage(0, 0, frames[i]);
        }
        if (const int e = av_frame_make_writable(frame.get()); e < 0)
            return fail(avMessage(e));
        const uint8_t *source[1] = {rgb.constBits()};
        const int stride[1] = {int(rgb.bytesPerLine())};
        sws_scale(scaler.get(), source, stride, 0, even.height(), frame->data, frame->linesize);
        frame->pts = int64_t(i);
        if (const QString e = encode(frame.get()); !e.isEmpty())
            return fail(QStringLiteral("encoder: %1").arg(e));
    }
    if (const QString e = encode(nullptr); !e.isEmpty())
        return fail(QStringLiteral("encoder: %1").arg(e));
    if (const int e = av_write_trailer(muxer); e < 0)
        return fail(QStringLiteral("muxer: %1").arg(avMessage(e)));
    avio_flush(io.get());
    return core::writeFileAtomically(path, output.bytes, overwrite);
}

} // namespace renkou::ui
