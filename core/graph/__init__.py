"""Reaching Microsoft: HTTPS, clouds, the connection, sign-in, the Graph client, $batch, retries, pacing."""
