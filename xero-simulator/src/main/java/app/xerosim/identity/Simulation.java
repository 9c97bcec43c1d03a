package app.xerosim.identity;

import app.xerosim.SimulatorClock;
import app.xerosim.XeroSimulatorSettings;
import app.xerosim.state.RateCounter;
import app.xerosim.state.SimState;

/** What every endpoint needs: the state, the settings, the clock, the token signer and the base URL. */
public record Simulation(
        SimState state,
        XeroSimulatorSettings settings,
        SimulatorClock clock,
        Tokens tokens,
        RateCounter rates,
        String baseUrl) {}
