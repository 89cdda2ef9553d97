"""A small Open Inference Protocol (KServe v2) client written from the protocol's text, with the
Python standard library only. It asks a server for health and metadata, infers with JSON tensors,
with the binary tensor data extension and with the classification extension, sends the mistakes
clients make, and prints a JSON report of every answer for the Java test to judge.

usage: oip_client.py BASE_URL TOKEN MODEL PIXELS_FILE N
PIXELS_FILE holds N images of 1x28x28 little-endian float32 values in [0, 1].
"""
import json
import struct
import sys
import urllib.error
import urllib.request

base, token, model, pixels_path, n = sys.argv[1:6]
n = int(n)
raw = open(pixels_path, "rb").read()
per = 28 * 28


def call(method, path, body=None, headers=None):
    h = {"Authorization": "Bearer " + token}
    h.update(headers or {})
    request = urllib.request.Request(base + path, data=body, method=method, headers=h)
    try:
        with urllib.request.urlopen(request) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def as_json(status, body):
    try:
        return [status, json.loads(body)]
    except ValueError:
        return [status, body.decode("utf-8", "replace")]


def infer(path, header, binary=b""):
    body = json.dumps(header).encode()
    headers = {"Content-Type": "application/json"}
    if binary:
        headers = {"Content-Type": "application/octet-stream",
                   "Inference-Header-Content-Length": str(len(body))}
    return call("POST", path, body + binary, headers)


report = {}
status, _, body = call("GET", "/v2/health/live")
report["live"] = as_json(status, body)
status, _, body = call("GET", "/v2/health/ready")
report["ready"] = as_json(status, body)
status, _, body = call("GET", "/v2/models/" + model)
report["metadata"] = as_json(status, body)
status, _, body = call("GET", "/v2/models/" + model + "/versions/1/ready")
report["model_ready"] = as_json(status, body)

floats = struct.unpack("<%df" % (n * per), raw)
nested = [[list(floats[i * per + r * 28:i * per + r * 28 + 28]) for r in range(28)] for i in range(n)]
json_request = {"id": "json-1", "inputs": [
    {"name": "input", "shape": [n, 1, 28, 28], "datatype": "FP32", "data": nested}]}
status, _, body = infer("/v2/models/" + model + "/infer", json_request)
report["json"] = as_json(status, body)

binary_header = {"id": "binary-1",
                 "inputs": [{"name": "input", "shape": [n, 1, 28, 28], "datatype": "FP32",
                             "parameters": {"binary_data_size": len(raw)}}],
                 "outputs": [{"name": "probabilities", "parameters": {"binary_data": True}}]}
status, headers, body = infer("/v2/models/" + model + "/versions/1/infer", binary_header, raw)
length = int(headers.get("inference-header-content-length", "0"))
head = json.loads(body[:length])
out = head["outputs"][0]
count = out["shape"][0] * out["shape"][1]
report["binary"] = [status, head, list(struct.unpack("<%df" % count, body[length:length + count * 4]))]

classify = dict(binary_header, id="classify-1",
                outputs=[{"name": "probabilities", "parameters": {"classification": 3}}])
status, _, body = infer("/v2/models/" + model + "/infer", classify, raw)
report["classification"] = as_json(status, body)

one = raw[:per * 4]
def one_image(**changes):
    tensor = {"name": "input", "shape": [1, 1, 28, 28], "datatype": "FP32",
              "parameters": {"binary_data_size": len(one)}}
    tensor.update(changes)
    return {"inputs": [tensor]}

mistakes = {
    "unknown_model": infer("/v2/models/no-such-model/infer", one_image(), one),
    "unknown_version": infer("/v2/models/" + model + "/versions/99/infer", one_image(), one),
    "wrong_datatype": infer("/v2/models/" + model + "/infer", one_image(datatype="INT64"), one),
    "wrong_shape": infer("/v2/models/" + model + "/infer", one_image(shape=[1, 3, 28, 28]), one),
    "wrong_size": infer("/v2/models/" + model + "/infer",
                        one_image(parameters={"binary_data_size": 100}), one),
    "truncated": infer("/v2/models/" + model + "/infer", one_image(), one[:1000]),
    "unknown_input": infer("/v2/models/" + model + "/infer", one_image(name="pixels"), one),
}
header = json.dumps(one_image()).encode()
mistakes["bad_header_length"] = call(
    "POST", "/v2/models/" + model + "/infer", header + one,
    {"Content-Type": "application/octet-stream",
     "Inference-Header-Content-Length": str(len(header) + len(one) + 10)})
report["mistakes"] = {k: as_json(v[0], v[2]) for k, v in mistakes.items()}
print(json.dumps(report))
