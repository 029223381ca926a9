// The app's own babel config: the analysis build compiles the app exactly as `npm run build:*` does.
module.exports = require('../../../babel.config.js');
