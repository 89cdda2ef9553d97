"""Writes the reference trajectories CartPoleTest and PendulumTest compare with.

A line-by-line NumPy transcription of Gymnasium 1.x's step functions
(gymnasium/envs/classic_control/cartpole.py and pendulum.py), written independently of the Java
port: float64 state, float32 observations, the same constants and operation order. Gymnasium
itself cannot be installed on the machines this project is built on (no Python package index),
so the transcription stands in for it. Run: python3 reference.py (writes the two CSV files here).
"""
import numpy as np

def cartpole(state, actions):
    gravity, masscart, masspole = 9.8, 1.0, 0.1
    total_mass = masspole + masscart
    length = 0.5
    polemass_length = masspole * length
    force_mag, tau = 10.0, 0.02
    theta_threshold_radians = 12 * 2 * np.pi / 360
    x_threshold = 2.4
    x, x_dot, theta, theta_dot = np.array(state, dtype=np.float64)
    rows = []
    for a in actions:
        force = force_mag if a == 1 else -force_mag
        costheta, sintheta = np.cos(theta), np.sin(theta)
        temp = (force + polemass_length * np.square(theta_dot) * sintheta) / total_mass
        thetaacc = (gravity * sintheta - costheta * temp) / (
            length * (4.0 / 3.0 - masspole * np.square(costheta) / total_mass))
        xacc = temp - polemass_length * thetaacc * costheta / total_mass
        x = x + tau * x_dot
        x_dot = x_dot + tau * xacc
        theta = theta + tau * theta_dot
        theta_dot = theta_dot + tau * thetaacc
        terminated = bool(x < -x_threshold or x > x_threshold
                          or theta < -theta_threshold_radians or theta > theta_threshold_radians)
        obs = np.array((x, x_dot, theta, theta_dot), dtype=np.float32)
        rows.append([a, *obs.tolist(), 1.0, int(terminated)])
        if terminated:
            break
    return rows

def angle_normalize(x):
    return ((x + np.pi) % (2 * np.pi)) - np.pi

def pendulum(th, thdot, actions):
    th, thdot = np.float64(th), np.float64(thdot)  # Gymnasium keeps its state in a float64 array
    max_speed, max_torque, dt, g, m, l = 8, 2.0, 0.05, 10.0, 1.0, 1.0
    rows = []
    for a in actions:
        u = np.clip(np.array([a], dtype=np.float32), -max_torque, max_torque)[0]
        costs = angle_normalize(th) ** 2 + 0.1 * thdot ** 2 + 0.001 * (u ** 2)
        newthdot = thdot + (3 * g / (2 * l) * np.sin(th) + 3.0 / (m * l ** 2) * u) * dt
        newthdot = np.clip(newthdot, -max_speed, max_speed)
        newth = th + newthdot * dt
        th, thdot = newth, newthdot
        obs = np.array([np.cos(th), np.sin(th), thdot], dtype=np.float32)
        rows.append([a, *obs.tolist(), float(-costs)])
    return rows

def write(name, header, rows):
    with open(name, "w") as f:
        f.write(header + "\n")
        for r in rows:
            f.write(",".join(repr(v) if isinstance(v, float) else str(v) for v in r) + "\n")

if __name__ == "__main__":  # importing it (bench/rl_peer.py) writes nothing
    rng = np.random.default_rng(7)
    cart_actions = [1, 1, 0, 1, 0, 0, 1, 1, 1, 0] + rng.integers(0, 2, 40).tolist()
    write("cartpole-reference.csv", "# start 0.01,-0.02,0.03,0.04; columns: action,x,x_dot,theta,theta_dot,reward,terminated",
          cartpole([0.01, -0.02, 0.03, 0.04], cart_actions))
    # always pushing right from a leaning start: terminates early
    write("cartpole-fall.csv", "# start 0.0,0.0,0.1,0.0; columns: action,x,x_dot,theta,theta_dot,reward,terminated",
          cartpole([0.0, 0.0, 0.1, 0.0], [1] * 100))
    pend_actions = [0.3, -2.5, 1.0, 2.0, 3.7, -0.75] + rng.uniform(-2.5, 2.5, 34).round(4).tolist()
    write("pendulum-reference.csv", "# start theta 2.0, theta_dot -0.5; columns: action,cos,sin,theta_dot,reward",
          pendulum(2.0, -0.5, pend_actions))
