// azurerm_windows_web_app, azurerm_linux_function_app and azurerm_windows_function_app ↔ Microsoft.Web/sites,
// read as azurerm_linux_web_app is (linuxWebApp.ts): their azurerm 4.x Read functions
// (appservice/{windows_web_app,linux_function_app,windows_function_app}_resource.go) set https_only,
// enabled and service_plan_id from the site the same way, public network access open unless "Disabled",
// and site_config from the config/web sub-resource with the same fields.
import type { AzureMapper } from './types';
import { linuxWebApp } from './linuxWebApp';

export const windowsWebApp: AzureMapper = { ...linuxWebApp, type: 'azurerm_windows_web_app' };
export const linuxFunctionApp: AzureMapper = { ...linuxWebApp, type: 'azurerm_linux_function_app' };
export const windowsFunctionApp: AzureMapper = { ...linuxWebApp, type: 'azurerm_windows_function_app' };
