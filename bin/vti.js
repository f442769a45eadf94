#!/usr/bin/env node
// `node bin/vti.js …` (scripts and tests that start vti by this path): the bin itself is
// bin/vti.cjs (CommonJS, for start-up speed); this runs it.
import './vti.cjs';
