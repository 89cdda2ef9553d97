"""The NumPy peer of `worldmind rl bench`: CartPole-v1 and Pendulum-v1 stepped by the line-by-line
transcription of Gymnasium's step functions that the Java environments are tested against
(worldmind-model/src/test/resources/dev/worldmind/model/reinforce/reference.py), with uniformly
random actions and resets included. Gymnasium itself is not installable here; its step functions
do the same NumPy work per step plus its wrappers' checks, so this is an upper bound for it.
Prints `env single steps_per_second` lines."""
import os, sys, time
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "worldmind-model", "src", "test", "resources",
                                "dev", "worldmind", "model", "reinforce"))
import reference  # noqa: E402

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
rng = np.random.default_rng(1)

def cartpole(n):
    done = 0
    t0 = time.perf_counter()
    while done < n:
        state = rng.uniform(-0.05, 0.05, size=4)
        actions = rng.integers(0, 2, size=500)
        done += len(reference.cartpole(state, actions))
    return done / (time.perf_counter() - t0)

def pendulum(n):
    done = 0
    t0 = time.perf_counter()
    while done < n:
        th, thdot = rng.uniform(-np.pi, np.pi), rng.uniform(-1, 1)
        actions = rng.uniform(-2, 2, size=200).astype(np.float32)
        done += len(reference.pendulum(th, thdot, actions))
    return done / (time.perf_counter() - t0)

cartpole(steps // 10)
print(f"CartPole-v1 single {cartpole(steps):.0f}")
print(f"Pendulum-v1 single {pendulum(steps):.0f}")
