/* The ceiling of the kernel benchmark: a Jupyter "kernel" that does nothing but answer.
 *
 * bench/kernel_latency.py measures request rates through jupyter_client, whose own work per
 * message (HMAC check, four JSON parses, two ISO dates) and the thread wake-ups through both
 * sides' ZeroMQ I/O threads bound what any kernel can show. This program answers
 * kernel_info, execute (always with the result "2") and shutdown with the same messages a real
 * kernel sends, signed, from one thread, with no interpreter, no JSON parser and no checks: a
 * real kernel cannot beat it, so `make bench` prints it beside spike and ipykernel as the
 * harness's ceiling. It is not a kernel anyone should use.
 *
 * With CEILING_WORK_US=N in its environment it models a kernel that works N µs per execute, done
 * the way spike does it: the ZeroMQ I/O thread runs SCHED_BATCH, busy and execute_input are
 * flushed (the thread yields) before the "cell", which busy-waits N µs, then the result, reply
 * and idle follow. It shows what a kernel doing real work can reach through this client.
 *
 * Build: cc -O2 -o ceiling-kernel bench/ceiling_kernel.c -lzmq -lcrypto
 * Run:   ceiling-kernel CONNECTION_FILE   (tcp transport, hmac-sha256 or no key)
 */
#define _GNU_SOURCE
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

static char key[512];
static size_t key_length;
/* HMAC-SHA256 with the key absorbed once; each message signs with a copy. NULL: no signing. */
static EVP_MAC_CTX *keyed;
static void *iopub;
static long sent;
static int execution_count;
/* CEILING_WORK_US in nanoseconds: the modelled cell's length (0: no model, the plain ceiling). */
static long work_ns;

/* Busy-waits `work_ns` (the modelled cell). */
static void work(void) {
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while ((now.tv_sec - start.tv_sec) * 1000000000L + (now.tv_nsec - start.tv_nsec) < work_ns);
}

/* The integer after "name": in the connection file's text, or -1. */
static long number_after(const char *text, const char *name) {
    const char *at = strstr(text, name);
    if (!at || !(at = strchr(at + strlen(name), ':'))) return -1;
    return strtol(at + 1, NULL, 10);
}

/* The string after "name": into `out`, or "". */
static void string_after(const char *text, const char *name, char *out, size_t size) {
    out[0] = 0;
    const char *at = strstr(text, name);
    if (!at || !(at = strchr(at + strlen(name), ':')) || !(at = strchr(at, '"'))) return;
    const char *end = strchr(at + 1, '"');
    if (!end || (size_t)(end - at - 1) >= size) return;
    memcpy(out, at + 1, end - at - 1);
    out[end - at - 1] = 0;
}

/* Sends one signed message: [routing frames…] <IDS|MSG> signature header parent metadata content. */
static void send_message(void *socket, zmq_msg_t *routing, int routing_count, const char *topic,
                         const char *type, const char *parent, size_t parent_length, const char *content) {
    struct timeval now;
    gettimeofday(&now, NULL);
    struct tm utc;
    gmtime_r(&now.tv_sec, &utc);
    char seconds[32], header[512];
    strftime(seconds, sizeof seconds, "%Y-%m-%dT%H:%M:%S", &utc);
    int header_length = snprintf(header, sizeof header,
        "{\"date\":\"%s.%06ldZ\",\"msg_id\":\"ceiling-%ld-%ld\",\"msg_type\":\"%s\",\"session\":\"ceiling\","
        "\"username\":\"ceiling\",\"version\":\"5.3\"}",
        seconds, (long)now.tv_usec, (long)getpid(), ++sent, type);
    const char *parts[4] = {header, parent, "{}", content};
    size_t lengths[4] = {(size_t)header_length, parent_length, 2, strlen(content)};
    char signature[65] = "";
    if (keyed) {
        unsigned char digest[32];
        size_t digest_length = 0;
        EVP_MAC_CTX *context = EVP_MAC_CTX_dup(keyed);
        for (int i = 0; i < 4; i++) EVP_MAC_update(context, (const unsigned char *)parts[i], lengths[i]);
        EVP_MAC_final(context, digest, &digest_length, sizeof digest);
        EVP_MAC_CTX_free(context);
        for (size_t i = 0; i < digest_length; i++) sprintf(signature + 2 * i, "%02x", digest[i]);
    }
    if (topic) zmq_send(socket, topic, strlen(topic), ZMQ_SNDMORE);
    for (int i = 0; i < routing_count; i++)
        zmq_send(socket, zmq_msg_data(&routing[i]), zmq_msg_size(&routing[i]), ZMQ_SNDMORE);
    zmq_send(socket, "<IDS|MSG>", 9, ZMQ_SNDMORE);
    zmq_send(socket, signature, strlen(signature), ZMQ_SNDMORE);
    for (int i = 0; i < 4; i++) zmq_send(socket, parts[i], lengths[i], i < 3 ? ZMQ_SNDMORE : 0);
}

static void publish_status(const char *state, const char *parent, size_t parent_length) {
    char content[64];
    snprintf(content, sizeof content, "{\"execution_state\":\"%s\"}", state);
    send_message(iopub, NULL, 0, "kernel.ceiling.status", "status", parent, parent_length, content);
}

/* Answers one request from a ROUTER socket; returns 1 after a shutdown request. */
static int answer(void *socket) {
    enum { most = 64 };
    zmq_msg_t frames[most];
    int count = 0, delimiter = -1, more = 1;
    while (more && count < most) {
        zmq_msg_init(&frames[count]);
        if (zmq_msg_recv(&frames[count], socket, 0) < 0) return 1;
        if (delimiter < 0 && zmq_msg_size(&frames[count]) == 9 && !memcmp(zmq_msg_data(&frames[count]), "<IDS|MSG>", 9))
            delimiter = count;
        more = zmq_msg_more(&frames[count]);
        count++;
    }
    int shutdown = 0;
    if (delimiter >= 0 && count >= delimiter + 6) {
        const char *header = zmq_msg_data(&frames[delimiter + 2]);
        size_t header_length = zmq_msg_size(&frames[delimiter + 2]);
        const char *content = zmq_msg_data(&frames[delimiter + 5]);
        size_t content_length = zmq_msg_size(&frames[delimiter + 5]);
        char type[64] = "";
        const char *at = memmem(header, header_length, "\"msg_type\"", 10);
        const char *end = header + header_length;
        if (at && (at = memchr(at + 10, '"', end - at - 10))) {
            const char *close = memchr(at + 1, '"', end - at - 1);
            if (close && close - at - 1 < (long)sizeof type) {
                memcpy(type, at + 1, close - at - 1);
                type[close - at - 1] = 0;
            }
        }
        int silent = memmem(content, content_length, "\"silent\": true", 14) != NULL
                     || memmem(content, content_length, "\"silent\":true", 13) != NULL;
        char body[512];
        publish_status("busy", header, header_length);
        if (!strcmp(type, "execute_request")) {
            if (!silent) {
                execution_count++;
                snprintf(body, sizeof body, "{\"code\":\"\",\"execution_count\":%d}", execution_count);
                send_message(iopub, NULL, 0, "kernel.ceiling.execute_input", "execute_input", header, header_length, body);
                if (work_ns > 0) {
                    sched_yield(); /* the batch I/O thread sends busy and execute_input now */
                    work();
                }
                snprintf(body, sizeof body, "{\"data\":{\"text/plain\":\"2\"},\"execution_count\":%d,\"metadata\":{}}",
                         execution_count);
                send_message(iopub, NULL, 0, "kernel.ceiling.execute_result", "execute_result", header, header_length, body);
            }
            snprintf(body, sizeof body, "{\"execution_count\":%d,\"payload\":[],\"status\":\"ok\",\"user_expressions\":{}}",
                     execution_count);
            send_message(socket, frames, delimiter, NULL, "execute_reply", header, header_length, body);
        } else if (!strcmp(type, "kernel_info_request")) {
            send_message(socket, frames, delimiter, NULL, "kernel_info_reply", header, header_length,
                "{\"banner\":\"\",\"help_links\":[],\"implementation\":\"ceiling\",\"implementation_version\":\"1\","
                "\"language_info\":{\"file_extension\":\".txt\",\"mimetype\":\"text/plain\",\"name\":\"ceiling\","
                "\"version\":\"1\"},\"protocol_version\":\"5.3\",\"status\":\"ok\"}");
        } else if (!strcmp(type, "shutdown_request")) {
            send_message(socket, frames, delimiter, NULL, "shutdown_reply", header, header_length,
                         "{\"restart\":false,\"status\":\"ok\"}");
            shutdown = 1;
        } else {
            size_t stem = strlen(type) > 8 ? strlen(type) - 8 : 0; /* x_request -> x_reply */
            snprintf(body, sizeof body, "%.*s_reply", (int)stem, type);
            send_message(socket, frames, delimiter, NULL, body, header, header_length,
                         "{\"status\":\"error\",\"ename\":\"Unsupported\",\"evalue\":\"\",\"traceback\":[]}");
        }
        publish_status("idle", header, header_length);
    }
    for (int i = 0; i < count; i++) zmq_msg_close(&frames[i]);
    return shutdown;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: ceiling-kernel CONNECTION_FILE\n");
        return 2;
    }
    FILE *file = fopen(argv[1], "r");
    if (!file) {
        perror(argv[1]);
        return 1;
    }
    char text[4096];
    size_t length = fread(text, 1, sizeof text - 1, file);
    fclose(file);
    text[length] = 0;
    char ip[64];
    string_after(text, "\"ip\"", ip, sizeof ip);
    string_after(text, "\"key\"", key, sizeof key);
    key_length = strlen(key);
    if (key_length > 0) {
        EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
        keyed = mac ? EVP_MAC_CTX_new(mac) : NULL;
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, "SHA256", 0),
                               OSSL_PARAM_construct_end()};
        if (!keyed || !EVP_MAC_init(keyed, (const unsigned char *)key, key_length, params)) {
            fprintf(stderr, "libcrypto has no HMAC-SHA256\n");
            return 1;
        }
    }
    const char *names[] = {"\"shell_port\"", "\"iopub_port\"", "\"control_port\"", "\"hb_port\""};
    const int kinds[] = {ZMQ_ROUTER, ZMQ_XPUB, ZMQ_ROUTER, ZMQ_REP};
    const char *work_us = getenv("CEILING_WORK_US");
    work_ns = work_us ? atol(work_us) * 1000 : 0;
    void *context = zmq_ctx_new();
    if (work_ns > 0) zmq_ctx_set(context, ZMQ_THREAD_SCHED_POLICY, SCHED_BATCH);
    void *sockets[4];
    for (int i = 0; i < 4; i++) {
        char endpoint[128];
        snprintf(endpoint, sizeof endpoint, "tcp://%s:%ld", ip[0] ? ip : "127.0.0.1", number_after(text, names[i]));
        sockets[i] = zmq_socket(context, kinds[i]);
        int unlimited = 0; /* never drop an IOPub message, as a kernel must not */
        zmq_setsockopt(sockets[i], ZMQ_SNDHWM, &unlimited, sizeof unlimited);
        if (zmq_bind(sockets[i], endpoint) != 0) {
            fprintf(stderr, "cannot bind %s: %s\n", endpoint, zmq_strerror(zmq_errno()));
            return 1;
        }
    }
    iopub = sockets[1];
    zmq_pollitem_t items[4];
    for (int i = 0; i < 4; i++) items[i] = (zmq_pollitem_t){sockets[i], 0, ZMQ_POLLIN, 0};
    for (int stop = 0; !stop;) {
        if (zmq_poll(items, 4, -1) < 0) break;
        char scratch[256];
        if (items[1].revents) zmq_recv(iopub, scratch, sizeof scratch, 0); /* subscriptions: ignored */
        if (items[3].revents) {
            int got = zmq_recv(sockets[3], scratch, sizeof scratch, 0);
            zmq_send(sockets[3], scratch, got > 0 ? (size_t)got : 0, 0);
        }
        if (items[2].revents) stop = answer(sockets[2]);
        if (!stop && items[0].revents) stop = answer(sockets[0]);
    }
    for (int i = 0; i < 4; i++) zmq_close(sockets[i]);
    zmq_ctx_destroy(context);
    return 0;
}
