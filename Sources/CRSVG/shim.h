#include <librsvg/rsvg.h>
#include <cairo.h>
#include <stdlib.h>
#include <string.h>

/* A growing byte buffer for cairo's PNG writer. */
typedef struct {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
} spike_png_buffer;

static cairo_status_t spike_png_append(void *closure, const unsigned char *data, unsigned int length) {
    spike_png_buffer *buffer = (spike_png_buffer *)closure;
    if (buffer->count + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (capacity < buffer->count + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->bytes, capacity);
        if (grown == NULL) return CAIRO_STATUS_NO_MEMORY;
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->count, data, length);
    buffer->count += length;
    return CAIRO_STATUS_SUCCESS;
}

/*
 * Renders an SVG document to PNG at `scale` device pixels per CSS pixel, on a white
 * background. On success returns 0, sets *png (malloc'd; the caller frees it), *count and the
 * intrinsic size in CSS pixels. Returns 1 when librsvg cannot parse the document, 2 when it
 * has no intrinsic pixel size, 3 when rendering or encoding fails.
 */
static inline int spike_svg_to_png(const char *svg, size_t length, double scale, unsigned char **png, size_t *count,
                                   double *width, double *height) {
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_data((const guint8 *)svg, length, &error);
    if (handle == NULL) {
        if (error) g_error_free(error);
        return 1;
    }
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, width, height) || *width <= 0 || *height <= 0) {
        g_object_unref(handle);
        return 2;
    }
    int pixelsWide = (int)(*width * scale + 0.5), pixelsHigh = (int)(*height * scale + 0.5);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelsWide, pixelsHigh);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    RsvgRectangle viewport = {0, 0, pixelsWide, pixelsHigh};
    gboolean drawn = rsvg_handle_render_document(handle, cr, &viewport, &error);
    if (error) g_error_free(error);
    spike_png_buffer buffer = {NULL, 0, 0};
    cairo_status_t status = CAIRO_STATUS_WRITE_ERROR;
    if (drawn && cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(surface);
        status = cairo_surface_write_to_png_stream(surface, spike_png_append, &buffer);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    g_object_unref(handle);
    if (status != CAIRO_STATUS_SUCCESS) {
        free(buffer.bytes);
        return 3;
    }
    *png = buffer.bytes;
    *count = buffer.count;
    return 0;
}
